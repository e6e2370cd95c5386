// A run of registry checks in the order's sequence, each with a visible line (SPEC §2.2): the page shows how far
// it got, the timeline keeps every line. Every pilot's orchestration (vehicle steps 1–14, ID-card steps 1–15,
// and the coming machinery and residence checks) builds its run here, and only its own steps.
import type { RegistrySystem } from '@/db/schema/registry-ops';
import { DomainError } from '@/lib/errors';

/** One check as a timeline line: step of the order, the registry asked, result, message code, what it found. */
export type CheckLine = { step: number; system: RegistrySystem; ok: boolean; code: string; data?: Record<string, unknown> };

/** Where a run stopped: the order's message code and what the message shows (the fines, …). */
export type CheckStop = { code: string; params?: Record<string, unknown> };

/** The outcome of a run: the lines so far, and either the facts found or the stop. */
export type CheckRun<T> = { lines: CheckLine[] } & ({ ok: true; value: T } | ({ ok: false } & CheckStop));

const lineOf = (step: number, system: RegistrySystem, ok: boolean, code: string, data?: Record<string, unknown>): CheckLine => ({
  step,
  system,
  ok,
  code,
  ...(data ? { data } : {}),
});

/**
 * A builder: `pass` and `fail` add a line and go on (a missing BMG phone is a visible "no" that stops nothing),
 * `stop` adds the failed line and ends the run with its code, `done` ends it with the facts, `join` goes on
 * with another run's lines (its stop is this run's stop).
 */
export function checkRun() {
  const lines: CheckLine[] = [];
  return {
    get lines(): readonly CheckLine[] {
      return lines;
    },
    pass(step: number, system: RegistrySystem, code: string, data?: Record<string, unknown>) {
      lines.push(lineOf(step, system, true, code, data));
    },
    fail(step: number, system: RegistrySystem, code: string, data?: Record<string, unknown>) {
      lines.push(lineOf(step, system, false, code, data));
    },
    stop<T = never>(step: number, system: RegistrySystem, code: string, params?: Record<string, unknown>): CheckRun<T> {
      lines.push(lineOf(step, system, false, code));
      return { lines: [...lines], ok: false, code, ...(params ? { params } : {}) };
    },
    done<T>(value: T): CheckRun<T> {
      return { lines: [...lines], ok: true, value };
    },
    join<T>(run: CheckRun<T>): CheckRun<T> {
      lines.push(...run.lines);
      return { ...run, lines: [...lines] };
    },
  };
}

/** A stopped run becomes the domain error that carries its lines (and the stop's params), else its facts. */
export function valueOrThrow<T>(run: CheckRun<T>): T {
  if (!run.ok) throw new DomainError(run.code, messageParams(run.params), { checks: run.lines, ...(run.params ?? {}) });
  return run.value;
}

/** The stop's plain values (a date, a count) are also its message's parameters; lists (fines…) stay data only. */
function messageParams(params: Record<string, unknown> | undefined): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<
    string,
    string | number
  >;
}
