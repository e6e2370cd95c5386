import type { Db } from '@/db/client';
import type { Actor, Grant } from '@/lib/auth/actor';
import { getRegistries, type Registries } from '@/lib/registries';

/**
 * What every use case of every pilot gets: the database, the registry ports, who acts and in which grant.
 * Built once per request by `formAction` (or by a test with fakes); services never build their own.
 */
export type ServiceContext = { db: Db; registries: Registries; actor: Actor; grant: Grant };

/**
 * The context for an action. With an application id the registry ports are built for it, so their call log and
 * fault scoping carry the application (SPEC §2.1); they are built on first use, so an action that asks no
 * registry never needs them.
 */
export function serviceContext(db: Db, actor: Actor, grant: Grant, applicationId?: string): ServiceContext {
  let registries: Registries | undefined;
  return {
    db,
    actor,
    grant,
    get registries() {
      return (registries ??= getRegistries(db, applicationId ? { applicationId } : {}));
    },
  };
}
