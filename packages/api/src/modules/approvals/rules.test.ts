import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors';
import { assertMayCancel, assertMayDecide, type DecisionCheck, tally } from './rules';

const base: DecisionCheck = {
  status: 'PENDING',
  requestedByUserId: 'maker',
  deciderId: 'checker',
  alreadyDecided: false,
  decision: 'APPROVE',
  note: null,
};

const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'OTHER';
  }
};

describe('assertMayDecide', () => {
  it('lets another approver approve a pending request', () => {
    expect(codeOf(() => assertMayDecide(base))).toBeNull();
  });
  it('needs a reason to reject', () => {
    expect(codeOf(() => assertMayDecide({ ...base, decision: 'REJECT', note: '  ' }))).toBe('BAD_REQUEST');
    expect(codeOf(() => assertMayDecide({ ...base, decision: 'REJECT', note: 'Bad GSTIN' }))).toBeNull();
  });
  it('refuses the requester', () => {
    expect(codeOf(() => assertMayDecide({ ...base, deciderId: 'maker' }))).toBe('FORBIDDEN');
  });
  it('refuses a closed request, naming its state', () => {
    for (const status of ['APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED']) {
      try {
        assertMayDecide({ ...base, status });
        expect.unreachable();
      } catch (e) {
        expect((e as DomainError).code).toBe('CONFLICT');
        expect((e as DomainError).message).toContain(status.toLowerCase());
      }
    }
  });
  it('refuses a second decision by the same approver', () => {
    expect(codeOf(() => assertMayDecide({ ...base, alreadyDecided: true }))).toBe('CONFLICT');
  });
});

describe('tally', () => {
  it('stays pending until the required approvals are in', () => {
    expect(tally({ approvalsCount: 0, requiredApprovals: 2 }, 'APPROVE')).toEqual({
      approvalsCount: 1,
      status: 'PENDING',
      final: false,
    });
    expect(tally({ approvalsCount: 1, requiredApprovals: 2 }, 'APPROVE')).toEqual({
      approvalsCount: 2,
      status: 'APPROVED',
      final: true,
    });
    expect(tally({ approvalsCount: 0, requiredApprovals: 1 }, 'APPROVE').status).toBe('APPROVED');
  });
  it('closes on the first rejection', () => {
    expect(tally({ approvalsCount: 1, requiredApprovals: 3 }, 'REJECT')).toEqual({
      approvalsCount: 1,
      status: 'REJECTED',
      final: true,
    });
  });
});

describe('assertMayCancel', () => {
  it('allows the requester or staff while pending', () => {
    expect(codeOf(() => assertMayCancel({ status: 'PENDING', requestedByUserId: 'u', actorId: 'u', isStaff: false }))).toBeNull();
    expect(codeOf(() => assertMayCancel({ status: 'PENDING', requestedByUserId: 'u', actorId: 's', isStaff: true }))).toBeNull();
    expect(codeOf(() => assertMayCancel({ status: 'PENDING', requestedByUserId: 'u', actorId: 'x', isStaff: false }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => assertMayCancel({ status: 'APPROVED', requestedByUserId: 'u', actorId: 'u', isStaff: false }))).toBe(
      'CONFLICT',
    );
  });
});
