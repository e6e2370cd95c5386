'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db';
import { QUEUES, getBoss, kickOutbox } from '@/lib/jobs';
import { formAction } from '@/lib/form-action';
import { getRegistries } from '@/lib/registries';
import { actOnJob } from './jobs';
import { discardOutboxRow, retryOutboxRow, retryStuckApplication } from './retry';

const page = () => revalidatePath('/[locale]/admin/operations', 'page');

/** The safe retry of one stuck application (lib/ops/retry.ts); `status` is the state the admin saw. */
export const retryStuckAction = formAction(
  ['admin'],
  z.object({ id: z.uuid(), status: z.string().min(1).max(40) }),
  async ({ actor, grant, input }) => {
    const result = await retryStuckApplication(db, getRegistries(db, { applicationId: input.id }), { actor, grant }, input);
    await kickOutbox();
    page();
    return { ok: true, message: result.outcome === 'moved' ? 'ops_moved' : 'ops_still_stuck' };
  },
);

const outboxId = z.object({ id: z.coerce.number().int().positive() });

export const retryOutboxAction = formAction(['admin'], outboxId, async ({ actor, grant, input }) => {
  const delivered = await retryOutboxRow(db, { actor, grant }, input.id);
  page();
  return { ok: true, message: delivered ? 'ops_delivered' : 'ops_still_stuck' };
});

export const discardOutboxAction = formAction(['admin'], outboxId, async ({ actor, grant, input }) => {
  await discardOutboxRow(db, { actor, grant }, input.id);
  page();
  return { ok: true, message: 'ops_discarded' };
});

const queues = Object.values(QUEUES) as [string, ...string[]];
const jobInput = z.object({ queue: z.enum(queues), jobId: z.uuid(), op: z.enum(['retry', 'discard']) });

/** Retries or discards one failed or retrying job (lib/ops/jobs.ts `actOnJob`), audited. */
export const jobAction = formAction(['admin'], jobInput, async ({ actor, grant, input }) => {
  await actOnJob(await getBoss(), db, { actor, grant }, input);
  page();
  return { ok: true, message: input.op === 'retry' ? 'ops_job_retried' : 'ops_discarded' };
});
