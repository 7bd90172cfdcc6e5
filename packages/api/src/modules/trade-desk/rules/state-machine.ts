/**
 * A state machine as data: a transition table plus the error to raise when an event does not
 * apply. Tables are easy to review against the spec and to enumerate in property tests; the
 * service layer turns a failed transition into a DomainError with the same code and message.
 */
import type { DomainErrorCode } from '../../../errors';

export type TransitionTable<S extends string, E extends string> = Readonly<Record<S, Readonly<Partial<Record<E, S>>>>>;

export type TransitionError<S extends string, E extends string> = {
  code: DomainErrorCode;
  /** The state the record is in, so the message can say why nothing happened. */
  state: S;
  event: E;
  message: string;
};

export type TransitionResult<S extends string, E extends string> =
  | { ok: true; state: S }
  | { ok: false; error: TransitionError<S, E> };

export type Machine<S extends string, E extends string> = {
  readonly states: readonly S[];
  readonly events: readonly E[];
  readonly table: TransitionTable<S, E>;
  transition(state: S, event: E): TransitionResult<S, E>;
  can(state: S, event: E): boolean;
  isTerminal(state: S): boolean;
};

export function defineMachine<S extends string, E extends string>(spec: {
  /** Used in messages, e.g. "Offer is ACCEPTED; cannot WITHDRAW". */
  noun: string;
  states: readonly S[];
  events: readonly E[];
  table: TransitionTable<S, E>;
  /** The error code for an event that does not apply in `state`; CONFLICT by default. */
  codeFor?: (state: S, event: E) => DomainErrorCode;
}): Machine<S, E> {
  const { noun, states, events, table } = spec;
  const codeFor = spec.codeFor ?? (() => 'CONFLICT');
  const next = (state: S, event: E): S | undefined => table[state][event];
  return {
    states,
    events,
    table,
    can: (state, event) => next(state, event) !== undefined,
    isTerminal: (state) => events.every((event) => next(state, event) === undefined),
    transition(state, event) {
      const to = next(state, event);
      if (to !== undefined) return { ok: true, state: to };
      const message = `${noun} is ${state}; ${event} is not possible`;
      return { ok: false, error: { code: codeFor(state, event), state, event, message } };
    },
  };
}
