/** Runs once when the Next.js server starts: the job workers live in the same process (README: scaling). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.QYZMET_WORKERS === '0' || !process.env.DATABASE_URL) return;
  const { startWorkers } = await import('./lib/jobs/workers');
  await startWorkers();
}
