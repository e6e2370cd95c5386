/**
 * The job-workers process (issue 16, `npm run start:workers`): pg-boss's queues, the audit sealer, the outbox and
 * every pilot's jobs, with no web server. It shares only PostgreSQL with the web processes (`npm run start:web`),
 * so any number of either can run on any machine. Runs the portal's lib/ directly (scripts/workers/hooks.mjs).
 */
async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set (the qyzmet_app role’s URL of the shared database)');
  const [{ refuseInsecureStart }, { startWorkers }, { getBoss }] = await Promise.all([
    import('../../lib/startup'),
    import('../../lib/jobs/workers'),
    import('../../lib/jobs/index'),
  ]);
  refuseInsecureStart();
  await startWorkers();
  console.log('Qyzmet job workers started');
  const stop = (code: number) => () => {
    void getBoss()
      .then((b) => b.stop({ graceful: true, timeout: 10_000 }))
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', stop(130));
  process.on('SIGTERM', stop(143));
}

main().catch((e: unknown) => {
  console.error(`Qyzmet job workers could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
