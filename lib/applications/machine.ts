import { DomainError } from '@/lib/errors';

/**
 * A pilot's state machine as data: for each state, which events move it where. Pure; each pilot defines its
 * own in lib/<pilot>/machine.ts. An event that is not allowed in a state is an error, never a silent no-op.
 */
export type MachineDef<S extends string, E extends string> = {
  initial: S;
  transitions: { readonly [K in S]?: { readonly [V in E]?: S } };
};

export function defineMachine<S extends string, E extends string>(def: MachineDef<S, E>) {
  return {
    ...def,
    /** The next state, or DomainError('illegal_transition'). */
    next(state: S, event: E): S {
      const to = def.transitions[state]?.[event];
      if (!to) throw new DomainError('illegal_transition', { state, event });
      return to;
    },
    can(state: S, event: E): boolean {
      return !!def.transitions[state]?.[event];
    },
    /** Events allowed in a state: what the UI offers as buttons. */
    events(state: S): E[] {
      return Object.keys(def.transitions[state] ?? {}) as E[];
    },
    isFinal(state: S): boolean {
      return Object.keys(def.transitions[state] ?? {}).length === 0;
    },
  };
}

export type Machine<S extends string, E extends string> = ReturnType<typeof defineMachine<S, E>>;
