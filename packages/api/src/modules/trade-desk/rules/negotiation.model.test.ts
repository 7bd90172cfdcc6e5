/**
 * R4 flavour: model-based test of the negotiation rules. Random command sequences by both sides
 * (counter, accept, reject, withdraw, expire, clock ticks, with current, stale and future version
 * numbers) run against applyAction and against a deliberately simple model that tracks only the
 * latest version number, its author and two timestamps. Any divergence fails the run.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { DomainErrorCode } from '../../../errors';
import { applyAction, type Negotiation, type NegotiationAction, openNegotiation, type Side, turnOf } from './negotiation';

const HOUR = 3_600_000;
const INACTIVITY = 48 * HOUR;
const START = Date.UTC(2025, 0, 10, 4, 30);

type ModelStatus = 'LIVE' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN' | 'EXPIRED';
type Model = {
  status: ModelStatus;
  version: number;
  author: Side;
  validUntil: number;
  lastActivity: number;
  now: number;
  acceptedVersion?: number;
};
type Real = { state: Negotiation; now: number };

type Expected = { ok: true } | { ok: false; code: DomainErrorCode };

/** The rules in their plainest form; mutates the model only when the action succeeds. */
function expect_(m: Model, action: NegotiationAction): Expected {
  if (m.status !== 'LIVE') return { ok: false, code: m.status === 'EXPIRED' ? 'OFFER_EXPIRED' : 'CONFLICT' };
  const dead = m.now >= m.validUntil || m.now - m.lastActivity >= INACTIVITY;
  if (action.type === 'EXPIRE') {
    if (!dead) return { ok: false, code: 'CONFLICT' };
    m.status = 'EXPIRED';
    return { ok: true };
  }
  if (dead) return { ok: false, code: 'OFFER_EXPIRED' };
  if (action.answersVersion !== m.version) return { ok: false, code: 'STALE_VERSION' };
  if (action.type === 'WITHDRAW') {
    if (action.by !== 'SELLER') return { ok: false, code: 'FORBIDDEN' };
    m.status = 'WITHDRAWN';
    return { ok: true };
  }
  if (action.by === m.author) return { ok: false, code: 'NOT_YOUR_TURN' };
  if (action.type === 'COUNTER') {
    if (action.terms.validUntil.getTime() <= m.now) return { ok: false, code: 'BAD_REQUEST' };
    m.version += 1;
    m.author = action.by;
    m.validUntil = action.terms.validUntil.getTime();
    m.lastActivity = m.now;
    return { ok: true };
  }
  if (action.type === 'ACCEPT') {
    m.status = 'ACCEPTED';
    m.acceptedVersion = m.version;
    return { ok: true };
  }
  m.status = 'REJECTED';
  return { ok: true };
}

function assertSame(m: Model, r: Real, before: Negotiation, result: ReturnType<typeof applyAction>, expected: Expected) {
  const fail = (why: string) => {
    throw new Error(`${why}: model ${JSON.stringify(m)} real ${JSON.stringify(r.state)} result ${JSON.stringify(result)}`);
  };
  if (result.ok !== expected.ok) fail('outcome differs');
  if (!result.ok && !expected.ok && result.error.code !== expected.code) fail(`code ${result.error.code} ≠ ${expected.code}`);
  if (!result.ok && r.state !== before) fail('a failed action changed the state');
  const s = r.state;
  const status = s.status === 'PENDING' || s.status === 'COUNTERED' ? 'LIVE' : s.status;
  if (status !== m.status) fail('status differs');
  if (s.versions.length !== m.version || s.versions.at(-1)?.by !== m.author) fail('latest version differs');
  if (s.acceptedVersion !== m.acceptedVersion) fail('accepted version differs');
  if (s.status === 'PENDING' && m.version !== 1) fail('PENDING after a counter');
  s.versions.forEach((v, i) => {
    if (v.version !== i + 1) fail('version numbers are not consecutive');
    if (i > 0 && v.by === s.versions[i - 1]?.by) fail('sides did not alternate');
  });
  if (m.status === 'LIVE' && turnOf(s) === m.author) fail('turn given to the author of the latest version');
}

class Act implements fc.Command<Model, Real> {
  constructor(
    readonly kind: 'COUNTER' | 'ACCEPT' | 'REJECT' | 'WITHDRAW' | 'EXPIRE',
    readonly by: Side,
    readonly versionOffset: number,
    readonly validForMs: number,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const answersVersion = m.version + this.versionOffset;
    const now = new Date(r.now);
    const action: NegotiationAction =
      this.kind === 'EXPIRE'
        ? { type: 'EXPIRE' }
        : this.kind === 'COUNTER'
          ? {
              type: 'COUNTER',
              by: this.by,
              answersVersion,
              terms: { price: '52000', quantity: '100', validUntil: new Date(r.now + this.validForMs) },
            }
          : { type: this.kind, by: this.by, answersVersion };
    const before = r.state;
    const result = applyAction(before, action, now, { inactivityMs: INACTIVITY });
    if (result.ok) r.state = result.state;
    assertSame(m, r, before, result, expect_(m, action));
  }
  toString = () =>
    `${this.kind}(${this.by}, v${this.versionOffset >= 0 ? '+' : ''}${this.versionOffset}, ${this.validForMs / HOUR}h)`;
}

class Tick implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += this.ms;
    r.now += this.ms;
  }
  toString = () => `tick(${this.ms / HOUR}h)`;
}

const side = fc.constantFrom<Side>('BUYER', 'SELLER');
// Mostly the current version, sometimes stale (-1, -2) or from the future (+1).
const offset = fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: -2, max: 1 }) });
// Zero is an invalid validity; one hour lines up with one-hour ticks to hit the exact expiry instant.
const validFor = fc.oneof(
  fc.constant(0),
  fc.constant(HOUR),
  fc.integer({ min: 1, max: 96 }).map((h) => h * HOUR),
);
const commands = [
  fc
    .tuple(fc.constantFrom('COUNTER' as const, 'ACCEPT' as const, 'REJECT' as const, 'WITHDRAW' as const), side, offset, validFor)
    .map(([k, s, o, v]) => new Act(k, s, o, v)),
  fc.constant(new Act('EXPIRE', 'SELLER', 0, 0)),
  fc
    .oneof(
      fc.integer({ min: 1, max: 12 * 60 }).map((min) => min * 60_000),
      fc.constantFrom(HOUR, 48 * HOUR, 49 * HOUR),
    )
    .map((ms) => new Tick(ms)),
];

describe('negotiation model (R4)', () => {
  it('never diverges from the model in 1,000 runs × up to 50 commands', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 50 }), (cmds) => {
        const validUntil = START + 72 * HOUR;
        const state = openNegotiation({ price: '53000', quantity: '100', validUntil: new Date(validUntil) }, new Date(START));
        const setup = () => ({
          model: { status: 'LIVE' as const, version: 1, author: 'SELLER' as const, validUntil, lastActivity: START, now: START },
          real: { state, now: START },
        });
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 1000 },
    );
  });
});
