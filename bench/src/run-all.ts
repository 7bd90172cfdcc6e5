/**
 * `pnpm bench` runs every benchmark in turn; `pnpm bench p2b p4` runs only those. Each writes
 * docs/bench/<name>.{json,md}. Benchmarks are separate modules run for their side effects.
 */
const BENCHES: Record<string, () => Promise<unknown>> = {
  p1: () => import('./p1-queries'),
  p2: () => import('./p2-negotiation-push'),
  p2b: () => import('./p2b-idle-sockets'),
  p3: () => import('./p3-sign-in'),
  p4: () => import('./p4-matching'),
  r19: () => import('./r19-isolation'),
};

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of asked.length ? asked : Object.keys(BENCHES)) {
  console.log(`\n== ${name} ==`);
  await BENCHES[name]!();
}
