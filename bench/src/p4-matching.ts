/**
 * P4 (QUALITY.md): matching cost. Scores 10,000 candidates against one trade (target < 50 ms),
 * pre-matches 1,000 trades × 1,000 lots, and fits the log-log slope of cost against n over
 * 1k…16k candidates (target ≤ 1.1, i.e. linear; ranking's n·log n sort must stay negligible).
 * Pure CPU work in this process: no server, no database, no baseline other than itself.
 */
import { availableParallelism } from 'node:os';
import { matchingRules } from '@kapas/api';
import { percentile, writeResult } from './harness';
import { candidates, TEMPLATE, trades } from './p4-data';

type MatchTrade = matchingRules.MatchTrade;
type MatchCandidate = matchingRules.MatchCandidate;

const ROUNDS = 7;
const now = new Date('2026-06-01T00:00:00Z');
const ctx = { template: TEMPLATE, now };

function timeOnce(trade: MatchTrade, pool: readonly MatchCandidate[]): number {
  const t = performance.now();
  const out = matchingRules.matchCandidates(trade, pool, ctx);
  const ms = performance.now() - t;
  if (out.ranked.length + out.excluded.length !== pool.length) throw new Error('matching lost candidates');
  return ms;
}

const summarise = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: percentile(s, 50), min: s[0]!, max: s[s.length - 1]!, p99: percentile(s, 99) };
};

const [trade] = trades(1, 7);
if (!trade) throw new Error('no trade');
const pool10k = candidates(10_000, 11);

// Warm-up: let the JIT settle on the scoring path before anything is timed.
for (let i = 0; i < 30; i++) timeOnce(trade, pool10k);

const single = summarise(Array.from({ length: 50 }, () => timeOnce(trade, pool10k)));
const eligibleShare = matchingRules.matchCandidates(trade, pool10k, ctx).ranked.length / pool10k.length;

// 1,000 trades × 1,000 lots: every trade against the whole lot pool, as a nightly pre-match would.
const lotPool = candidates(1_000, 23);
const preTrades = trades(1_000, 29);
const preMatch: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const t = performance.now();
  for (const tr of preTrades) matchingRules.matchCandidates(tr, lotPool, ctx);
  preMatch.push(performance.now() - t);
}

// Scaling: rounds alternate over the sizes so drift on a shared machine hits every size alike.
const sizes = [1_000, 2_000, 4_000, 8_000, 16_000];
const pools = new Map(sizes.map((n) => [n, candidates(n, 31 + n)]));
const bySize = new Map<number, number[]>(sizes.map((n) => [n, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const n of round % 2 ? [...sizes].reverse() : sizes) {
    const pool = pools.get(n)!;
    // Each sample is the median of several calls, so one GC pause does not bend the curve.
    const calls = Array.from({ length: Math.max(3, Math.round(40_000 / n)) }, () => timeOnce(trade, pool));
    bySize.get(n)!.push(summarise(calls).median);
  }
}
const medians = sizes.map((n) => summarise(bySize.get(n)!).median);
const xs = sizes.map(Math.log);
const ys = medians.map(Math.log);
const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
const my = ys.reduce((a, b) => a + b, 0) / ys.length;
const slope = xs.reduce((acc, x, i) => acc + (x - mx) * (ys[i]! - my), 0) / xs.reduce((acc, x) => acc + (x - mx) ** 2, 0);

const pre = summarise(preMatch);
const result = {
  benchmark: 'P4 matching',
  cores: availableParallelism(),
  node: process.version,
  eligibleShare,
  score10kMs: single,
  preMatch1000x1000Ms: { ...pre, rounds: preMatch },
  scaling: sizes.map((n, i) => ({ n, medianMs: medians[i], rounds: bySize.get(n) })),
  logLogSlope: slope,
  targets: { score10kMs: '< 50', logLogSlope: '<= 1.1' },
};
const summary = [
  '# P4 — matching',
  '',
  `Run ${new Date().toISOString()} on ${result.cores} cores (shared), Node ${process.version}, in-process (pure rules, tsx).`,
  `Candidates are synthetic offers/lots (5 quality parameters, mixed locations, terms and certificates); ${(eligibleShare * 100).toFixed(0)} % pass the hard filters.`,
  '',
  '| measure | median | spread (min–max) | target |',
  '|---|---|---|---|',
  `| score 10,000 candidates against one trade (50 runs) | ${single.median.toFixed(2)} ms (p99 ${single.p99.toFixed(2)}) | ${single.min.toFixed(2)}–${single.max.toFixed(2)} ms | < 50 ms |`,
  `| pre-match 1,000 trades × 1,000 lots (${ROUNDS} rounds) | ${pre.median.toFixed(0)} ms | ${pre.min.toFixed(0)}–${pre.max.toFixed(0)} ms | — |`,
  `| log-log slope of cost vs n (1k–16k, ${ROUNDS} alternating rounds) | ${slope.toFixed(3)} | — | ≤ 1.1 |`,
  '',
  '| n | median ms |',
  '|---|---|',
  ...sizes.map((n, i) => `| ${n.toLocaleString('en')} | ${medians[i]!.toFixed(2)} |`),
].join('\n');
await writeResult('p4-matching', result, summary);
