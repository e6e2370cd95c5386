import type { Role } from '@/lib/auth/roles';
import { DomainError } from '@/lib/errors';

/**
 * A pilot's state machine as data: for each state, which events move it where, and which party may fire each
 * event. Pure; each pilot defines its own in lib/<pilot>/machine.ts. An event that is not allowed in a state is an
 * error, never a silent no-op; an event fired by the wrong party is refused by `transition()` (lib/applications/core.ts).
 */
export type MachineDef<S extends string, E extends string, P extends string> = {
  initial: S;
  transitions: { readonly [K in S]?: { readonly [V in E]?: S } };
  /** Who may fire each event. */
  actorOf: { readonly [V in E]: P };
  /** The role each party acts in; null is the system (jobs, registry answers, the payment callback: no actor). */
  parties: { readonly [K in P]: Role | null };
};

export function defineMachine<S extends string, E extends string, P extends string>(def: MachineDef<S, E, P>) {
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
    /** May one acting in `role` (null: the system) fire `event`? Only the declared party's role, never another. */
    mayFire(event: E, role: Role | null): boolean {
      return def.parties[def.actorOf[event]] === role;
    },
    /** Pure: may `party` cause `event` in `state`? (Its party, and allowed in that state.) */
    mayAct(state: S, event: E, party: P): boolean {
      return def.actorOf[event] === party && !!def.transitions[state]?.[event];
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

export type Machine<S extends string, E extends string, P extends string = string> = ReturnType<typeof defineMachine<S, E, P>>;
