import 'server-only';
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Db, DbOrTx } from '@/db/client';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors';

export type FailingJob = {
  id: string;
  queue: string;
  state: 'retry' | 'failed';
  retryCount: number;
  error: string | null;
  createdAt: Date;
};

/**
 * The job queue's failed and retrying jobs (pg-boss keeps them in `pgboss.job`), newest first, with the error's class
 * name only: an exception's message may quote data, the log has it with the job id.
 */
export async function failingJobs(db: DbOrTx, limit = 50): Promise<FailingJob[]> {
  try {
    const rows = await db.execute<{
      id: string;
      name: string;
      state: 'retry' | 'failed';
      retry_count: number;
      error: string | null;
      created_on: string;
    }>(
      sql`select id::text, name, state::text as state, retry_count, coalesce(output->>'name', case when output ? 'message' then 'Error' end) as error, created_on
          from pgboss.job where state in ('retry', 'failed') order by created_on desc limit ${limit}`,
    );
    return rows.map((r) => ({
      id: r.id,
      queue: r.name,
      state: r.state,
      retryCount: r.retry_count,
      error: r.error,
      createdAt: new Date(r.created_on),
    }));
  } catch {
    return []; // the queue has not been started on this database yet
  }
}

/** How many jobs are failing, for the admin home's alert line. */
export async function countFailingJobs(db: DbOrTx): Promise<number> {
  try {
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where state in ('retry', 'failed')`);
    return row?.n ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Retries (pg-boss `retry`: back to `created`, run by the queue's worker) or discards (`deleteJob`) one failed or
 * retrying job, audited (`ops.job_retry`, `ops.job_discarded`); anything else — done, running, gone — refuses.
 */
export async function actOnJob(
  boss: PgBoss,
  db: Db,
  who: { actor: Pick<Actor, 'userId'>; grant: Grant },
  input: { queue: string; jobId: string; op: 'retry' | 'discard' },
) {
  const [job] = await boss.findJobs(input.queue, { id: input.jobId });
  if (!job || (job.state !== 'failed' && job.state !== 'retry')) throw new DomainError('ops_not_stuck');
  if (input.op === 'retry') await boss.retry(input.queue, input.jobId);
  else await boss.deleteJob(input.queue, input.jobId);
  await db.transaction((tx) =>
    audit(tx, who.actor, who.grant, {
      action: input.op === 'retry' ? 'ops.job_retry' : 'ops.job_discarded',
      data: { queue: input.queue, job: input.jobId },
    }),
  );
}
