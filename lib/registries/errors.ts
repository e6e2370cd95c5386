import type { RegistrySystem } from '@/db/schema/registry-ops';

/** `outage`: an admin-declared (or real) outage; `error`: the system answered with a failure. */
export type RegistryFailureKind = 'outage' | 'error';

/**
 * An external system did not answer (SPEC §2.1). Services catch it, keep the draft untouched and
 * show "the service X is not answering, try again" through `Errors.registry_unavailable`.
 * The message carries only the system and the kind: never the request, which may hold an IIN.
 */
export class RegistryUnavailableError extends Error {
  readonly code = 'registry_unavailable' as const;

  constructor(
    readonly system: RegistrySystem,
    readonly kind: RegistryFailureKind,
  ) {
    super(`registry ${system} unavailable (${kind})`);
    this.name = 'RegistryUnavailableError';
  }
}

/** The system did not answer within its timeout (lib/config.ts `registryTimeoutMs`): not answering, never a hang. */
export class RegistryTimeoutError extends RegistryUnavailableError {
  constructor(
    system: RegistrySystem,
    readonly timeoutMs: number,
  ) {
    super(system, 'error');
    this.message = `registry ${system} did not answer within ${timeoutMs} ms`;
    this.name = 'RegistryTimeoutError';
  }
}

export function isRegistryUnavailable(e: unknown): e is RegistryUnavailableError {
  return e instanceof RegistryUnavailableError;
}

/** Thrown by getRegistries when REGISTRIES names an implementation that does not exist yet. */
export class RegistriesNotConfiguredError extends Error {
  constructor(readonly implementation: string) {
    super(
      `REGISTRIES=${implementation} is not configured: only "simulator" exists; ` +
        'real adapters for the state systems are not implemented yet',
    );
    this.name = 'RegistriesNotConfiguredError';
  }
}
