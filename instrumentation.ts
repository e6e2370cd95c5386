/** Runs once when the Next.js server starts: refuses an insecure production configuration, then starts the job workers. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { config, productionProblems } = await import('./lib/config');
  const problems = productionProblems(config());
  if (problems.length) {
    console.error(`Qyzmet will not start in production with these settings:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  if (process.env.QYZMET_WORKERS === '0' || !process.env.DATABASE_URL) return;
  const { startWorkers } = await import('./lib/jobs/workers');
  await startWorkers();
}
