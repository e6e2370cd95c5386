/** Runs once when the Next.js server starts: refuses an insecure production configuration, then starts the job workers. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseInsecureStart } = await import('./lib/startup');
  refuseInsecureStart();
  if (!process.env.DATABASE_URL) return;
  // The health check and the admin's alert line report the audit chain's last anchor (issues 14, 17).
  const [{ setAnchorAgeProvider }, { latestAnchor }, { db }] = await Promise.all([
    import('./lib/ops/health'),
    import('./lib/audit/anchor'),
    import('./db'),
  ]);
  setAnchorAgeProvider(async () => {
    const last = await latestAnchor(db);
    return last ? (Date.now() - last.at.getTime()) / 60_000 : null;
  });
  if (process.env.QYZMET_WORKERS === '0') return;
  const { startWorkers } = await import('./lib/jobs/workers');
  await startWorkers();
}
