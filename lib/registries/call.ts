import { setTimeout as delay } from 'node:timers/promises';
import type { DbOrTx } from '@/db/client';
import { registryCalls, type RegistrySystem } from '@/db/schema/registry-ops';
import { registryTimeoutMs } from '@/lib/config';
import { RegistryTimeoutError, RegistryUnavailableError } from './errors';
import { cachedFault } from './faults';

export { invalidateFaultCache } from './faults';

export type CallOutcome = (typeof registryCalls.$inferInsert)['outcome'];

export type CallContext = {
  /** Where faults are read from (and calls logged to, unless `logDb` is given). */
  db: DbOrTx;
  /** Links the call-log rows to an application so staff see them on its timeline (§2.2). */
  applicationId?: string;
  /**
   * When `db` is a transaction, pass the pool here: a rolled-back transaction would otherwise take the
   * log rows of the failed calls with it, and hasBeenFailingFor would never see the failures.
   */
  logDb?: DbOrTx;
  /** Injected in tests; defaults to Math.random and the wall clock. */
  random?: () => number;
  now?: () => Date;
  /** Overrides the configured timeout of the system (tests). */
  timeoutMs?: number;
};

/** Waits at least `ms` by the monotonic clock: timers may fire a little early. Stops early when aborted. */
async function sleepAtLeast(ms: number, signal?: AbortSignal): Promise<void> {
  const start = performance.now();
  for (let left = ms; left > 0 && !signal?.aborted; left = ms - (performance.now() - start))
    await delay(Math.ceil(left), undefined, { signal }).catch(() => {});
}

/**
 * Runs one call to an external system with the admin's faults applied (outage → latency → error rate,
 * all before the call, so an injected failure never leaves a half-done write) and logs it.
 * A null result is logged as `not_found`. The log row holds no arguments or results: no personal data.
 */
export async function callRegistry<T>(ctx: CallContext, system: RegistrySystem, operation: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const log = async (outcome: CallOutcome) => {
    const durationMs = Math.ceil(performance.now() - start);
    await (ctx.logDb ?? ctx.db)
      .insert(registryCalls)
      .values({ system, operation, outcome, durationMs, applicationId: ctx.applicationId ?? null });
  };
  const fail = async (outcome: 'error' | 'outage', error: unknown): Promise<never> => {
    // If the call broke the transaction the log insert fails too: the caller needs the first error.
    await log(outcome).catch(() => {
      console.warn(`registry call log not written: ${system}.${operation} (${outcome})`);
    });
    throw error;
  };

  const fault = await cachedFault(ctx.db, system);
  const now = ctx.now?.() ?? new Date();
  if (fault.outageSince && fault.outageSince <= now) {
    return fail('outage', new RegistryUnavailableError(system, 'outage'));
  }
  // The latency and the call itself share the system's timeout: past it the caller hears "not answering" and the
  // call is not started (a latency longer than the timeout never reaches the system).
  const timeoutMs = ctx.timeoutMs ?? registryTimeoutMs(system);
  const timer = new AbortController();
  let timeoutId: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timeoutId = setTimeout(() => {
      timer.abort();
      reject(new RegistryTimeoutError(system, timeoutMs));
    }, timeoutMs);
  });
  timedOut.catch(() => {});
  const attempt = async () => {
    if (fault.latencyMs > 0) await sleepAtLeast(fault.latencyMs, timer.signal);
    if (timer.signal.aborted) throw new RegistryTimeoutError(system, timeoutMs);
    if ((ctx.random ?? Math.random)() < fault.errorRate) throw new RegistryUnavailableError(system, 'error');
    return fn();
  };

  let result: T;
  try {
    result = await Promise.race([attempt(), timedOut]);
  } catch (e) {
    const outcome = e instanceof RegistryUnavailableError ? e.kind : 'error';
    return fail(outcome, e);
  } finally {
    clearTimeout(timeoutId);
  }
  await log(result === null ? 'not_found' : 'ok');
  return result;
}

/** A port's methods, all async: the shape withFaultsAndLog can wrap without lying about types. */
export type AsyncPort<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * The port with every method routed through callRegistry (operation = method name), so the simulators
 * and the future real adapters stay plain classes that know nothing about faults or logging.
 */
export function withFaultsAndLog<T extends AsyncPort<T>>(ctx: CallContext, system: RegistrySystem, impl: T): T {
  return new Proxy(impl, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) =>
        callRegistry(ctx, system, prop, () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}
