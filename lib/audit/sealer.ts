import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { logError, logInfo } from '@/lib/log';
import { anchorAudit } from './anchor';

/**
 * Chains the committed, unsealed audit rows (issue 16): `audit_seal()` takes the sealer's own lock (a try-lock,
 * so a second sealer returns 0 at once) and never a lock a writer takes. Returns how many rows it sealed.
 */
export async function sealAudit(db: DbOrTx, maxRows = 5000): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select audit_seal(${maxRows}::integer) as n`);
  return Number(row?.n ?? 0);
}

/**
 * The sealer loop of one server process: seals every `intervalMs` and anchors every `anchorEveryMs` when new rows
 * were sealed. Returns a stop function. Failures are logged and the next round tries again.
 */
export function startSealer(db: Db, opts: { intervalMs?: number; anchorEveryMs?: number } = {}) {
  const intervalMs = opts.intervalMs ?? 1000;
  const anchorEveryMs = opts.anchorEveryMs ?? 60_000;
  let stopped = false;
  let lastAnchor = 0;
  let lastTry = 0;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    try {
      while ((await sealAudit(db)) === 5000); // a backlog: keep going until it is chained
      // An anchor a minute; while there is nothing new to anchor (or no key), look again every few seconds.
      if (Date.now() - lastAnchor >= anchorEveryMs && Date.now() - lastTry >= 5000) {
        lastTry = Date.now();
        const anchor = await anchorAudit(db);
        if (anchor) {
          lastAnchor = Date.now();
          logInfo('audit_anchored', { sealedUpTo: anchor.sealedUpTo });
        }
      }
    } catch (e) {
      logError('audit_seal_failed', e);
    }
    if (!stopped) timer = setTimeout(round, intervalMs).unref();
  };
  timer = setTimeout(round, 0).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
