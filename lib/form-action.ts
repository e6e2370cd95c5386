import 'server-only';
import { z } from 'zod';
import { db } from '@/db';
import type { ActionResult } from '@/lib/action-result';
import { isUuid } from '@/lib/applications/scope';
import type { Actor, Grant } from '@/lib/auth/actor';
import { authorizeAction } from '@/lib/auth/guards';
import type { Role } from '@/lib/auth/roles';
import { isDomainError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import { serviceContext, type ServiceContext } from '@/lib/service-context';

/** `ctx` is what the service takes; its registries are built for the input's application (`id`) when it has one. */
export type ActionContext<I> = { actor: Actor; grant: Grant; input: I; ctx: ServiceContext };

function applicationIdOf(input: unknown): string | undefined {
  const id = input && typeof input === 'object' && 'id' in input ? input.id : undefined;
  return typeof id === 'string' && isUuid(id) ? id : undefined;
}

type FormAction = ((prev: ActionResult, form: FormData) => Promise<ActionResult>) & { roles: readonly Role[] };

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) values[k] = v;
  return values;
}

/** Field errors are message codes (Errors.<code>): schemas name their own (`iin_invalid`), the rest are mapped. */
function issueCode(issue: z.core.$ZodIssue): string {
  if (/^[a-z][a-z0-9_]*$/.test(issue.message)) return issue.message;
  if (issue.code === 'too_small' && issue.minimum === 1) return 'required';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return 'invalid_value';
}

/**
 * Every server action goes through here: authenticate, authorize the role, validate with zod, run, and turn
 * errors into codes the UI translates. What the user typed comes back in `values`, so nothing is lost.
 * Scope checks belong to the service, which knows the resource (`loadInScope`, lib/applications/scope.ts).
 */
export function formAction<S extends z.ZodType>(
  roles: readonly Role[],
  schema: S,
  run: (ctx: ActionContext<z.infer<S>>) => Promise<ActionResult | void>,
): FormAction {
  const action = async (_prev: ActionResult, form: FormData): Promise<ActionResult> => {
    const values = formValues(form);
    try {
      const { actor, grant } = await authorizeAction(...roles);
      const parsed = schema.safeParse(Object.fromEntries(form.entries()));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join('.') || '_';
          (fieldErrors[key] ??= []).push(issueCode(issue));
        }
        return { ok: false, code: 'invalid', fieldErrors, values };
      }
      const ctx = serviceContext(db, actor, grant, applicationIdOf(parsed.data));
      return (await run({ actor, grant, input: parsed.data, ctx })) ?? { ok: true };
    } catch (e) {
      if (isDomainError(e)) return { ok: false, code: e.code, values, params: e.params, ...(e.data !== undefined ? { data: e.data } : {}) };
      // SPEC §2.1: "the service X is not answering, try again" — and what was typed stays.
      if (isRegistryUnavailable(e)) return { ok: false, code: 'registry_unavailable', values, params: { system: e.system } };
      // redirect() and notFound() travel as exceptions: let Next handle them.
      if (e && typeof e === 'object' && 'digest' in e) throw e;
      logError('action_failed', e);
      return { ok: false, code: 'unexpected', values };
    }
  };
  return Object.assign(action, { roles });
}
