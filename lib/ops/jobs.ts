import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

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
