// Sums every vitest JSON report under the repository (test-results/*.json per package) and
// prints the totals as `passed failed skipped` for .ci/run. A test file that failed to load
// counts as one failure, since it has no test results of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* reports(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    const results = join(path, 'test-results');
    try {
      for (const file of readdirSync(results)) if (file.endsWith('.json')) yield join(results, file);
    } catch {}
    if (dir === '.' || ['apps', 'packages', 'tooling'].includes(dir)) yield* reports(path);
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports('.')) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  failed += r.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
}
console.log(`${passed} ${failed} ${skipped}`);
