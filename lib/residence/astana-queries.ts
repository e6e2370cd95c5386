// What the Astana pages read (order 003 p.9–10): the applicant's own draft with its decision — steps 1–3 run and
// stored the first time the page opens (lib/residence/astana-step.ts) — and the dwelling as the cadastre has it.
import 'server-only';
import { db } from '@/db';
import type { Actor, Grant } from '@/lib/auth/actor';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import type { Property } from '@/lib/registries/cadastre/port';
import { serviceContext } from '@/lib/service-context';
import { isAstana } from './astana-service';
import { applicantApplication, runNormCheck } from './astana-step';

async function dwelling(ctx: ReturnType<typeof serviceContext>, cadastralNumber: string | null): Promise<Property | null> {
  if (!cadastralNumber) return null;
  // The address is only shown: an unanswering cadastre leaves the cadastral number in its place.
  return ctx.registries.cadastre.findProperty(cadastralNumber).catch((e: unknown) => {
    if (isRegistryUnavailable(e)) return null;
    throw e;
  });
}

/**
 * The Astana step's page: the applicant's draft, its decision (steps 1–3 run now if they never ran), the dwelling.
 * `unavailable` names the registry that did not answer, so the page says "try again" instead of failing.
 */
export async function astanaPageFor(actor: Actor, grant: Grant, id: string) {
  const ctx = serviceContext(db, actor, grant, id);
  const app = await applicantApplication(ctx, id);
  let decision = app.residence.astana;
  let unavailable: string | null = null;
  if (!decision && app.status === 'draft' && app.residence.cadastralNumber && isAstana(app.regionCode)) {
    try {
      decision = await runNormCheck(ctx, id);
    } catch (e) {
      if (!isRegistryUnavailable(e)) throw e;
      unavailable = e.system;
    }
  }
  return { app, decision, unavailable, dwelling: await dwelling(ctx, app.residence.cadastralNumber) };
}

/** The decision page and its print view: what was decided and why, as stored on the application. */
export async function astanaDecisionFor(actor: Actor, grant: Grant, id: string) {
  const ctx = serviceContext(db, actor, grant, id);
  const app = await applicantApplication(ctx, id);
  return { app, decision: app.residence.astana, dwelling: await dwelling(ctx, app.residence.cadastralNumber) };
}
