/** Runs once when the Next.js server starts: refuses an insecure production configuration, then starts the job workers. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseInsecureStart } = await import('./lib/startup');
  refuseInsecureStart();
  if (process.env.QYZMET_WORKERS === '0' || !process.env.DATABASE_URL) return;
  const { startWorkers } = await import('./lib/jobs/workers');
  await startWorkers();
}
