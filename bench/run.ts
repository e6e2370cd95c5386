/**
 * `npm run bench` (issue 6): measurements on one machine, never part of `npm test`, never asserted in tests.
 *
 *   npm run bench                                   every part at 1 000 000 applications (≈ 15 min on 2 cores)
 *   npm run bench -- --applications 100000 --parts data,plans,pages --seconds 2 --soak-seconds 60
 *   npm run bench -- --parts flows --id-cards 40 --vehicles 16 --machinery 16 --residence 16   the flows alone, small sets
 *
 * Parts: data (the generator), plans (EXPLAIN ANALYZE of the portal's queries), flows (applications/s through
 * the service layer: ID cards, vehicles, machinery and residence registrations, --id-cards, --vehicles, --machinery
 * and --residence of each per set),
 * pages (autocannon against the portal and the baseline app, alternating), weight (first-load JS), lighthouse,
 * soak (memory at half capacity). Without DATABASE_URL it starts its own embedded PostgreSQL in a
 * temporary directory. Writes bench/results/<date>.md and .json, and bench/budgets.json (the latest budgets).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { connect } from '../db/client';
import { startEmbeddedPostgres } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { seedDatabase } from '../db/seed-run';
import { budgets, type Figures } from './budgets';
import { generate } from './generate';
import { lighthouseScores } from './lighthouse';
import { loadPages, pageCases, sessionCookie } from './pages';
import { explainAll } from './plans';
import { markdown } from './report';
import { baselineDir, buildAll, startServer, type Server } from './servers';
import { soak } from './soak';
import { firstLoadJs } from './weight';

const PARTS = ['data', 'plans', 'flows', 'pages', 'weight', 'lighthouse', 'soak'] as const;
type Part = (typeof PARTS)[number];

const { values: args } = parseArgs({
  options: {
    applications: { type: 'string', default: '1000000' },
    parts: { type: 'string', default: PARTS.join(',') },
    seconds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1,16,64' },
    'soak-seconds': { type: 'string', default: '300' },
    'id-cards': { type: 'string', default: '160' },
    vehicles: { type: 'string', default: '64' },
    machinery: { type: 'string', default: '64' },
    residence: { type: 'string', default: '64' },
    rebuild: { type: 'boolean', default: false },
  },
});
const parts = new Set(args.parts.split(',').map((p) => p.trim()) as Part[]);
for (const p of parts) if (!PARTS.includes(p)) throw new Error(`bench: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
const concurrency = args.concurrency.split(',').map(Number);
const needsServers = ['pages', 'weight', 'lighthouse', 'soak'].some((p) => parts.has(p as Part));

async function main() {
  const started = performance.now();
  // The build runs beside the data generation (mostly the database's work), not before it.
  const building = needsServers ? buildAll(args.rebuild) : Promise.resolve([]);
  building.catch(() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-bench-'));
  fs.chmodSync(dir, 0o755);
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), quiet: true });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  process.env.DATABASE_URL = url;
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  const servers: Server[] = [];
  const figures: Figures = { applications: 0 };
  try {
    console.log('bench: migrating and seeding…');
    await runMigrations(url);
    await seedDatabase(url);
    let data;
    if (parts.has('data')) {
      const total = Number(args.applications);
      console.log(`bench: generating ${total.toLocaleString('en')} applications…`);
      data = await generate(sql, total);
      console.log(
        `bench: ${data.applications.toLocaleString('en')} applications in ${data.seconds.toFixed(1)} s (${data.rowsPerSecond.toLocaleString('en')} rows/s)`,
      );
    }
    const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from applications`;
    figures.applications = n;
    if (parts.has('plans')) figures.plans = await explainAll(sql, 50);
    if (parts.has('flows')) {
      const conn = connect(url, 24);
      (globalThis as unknown as { qyzmetDb?: unknown }).qyzmetDb = conn;
      // The service layer (and the test PKI) load only when the flows run.
      const { runFlows } = await import('./flows');
      const flows = await runFlows(conn.db, {
        concurrency: [1, 16],
        idCards: Number(args['id-cards']),
        vehicles: Number(args.vehicles),
        machinery: Number(args.machinery),
        residence: Number(args.residence),
      });
      figures.flows = flows;
      for (const f of flows)
        console.log(
          `bench: flow ${f.flow} @${f.concurrency}: ${f.perSecond.toFixed(1)} applications/s (${f.applications} done, ${f.failed} failed)`,
        );
    }
    if (needsServers) {
      const built = await building;
      if (built.length) console.log(`bench: built ${built.join(' and ')}`);
      const env = {
        DATABASE_URL: url,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        PAYMENT_GATEWAY_SECRET: randomBytes(32).toString('base64url'),
        QYZMET_INSECURE_COOKIES: '1',
        DEMO_MODE: '1',
      };
      const portal = await startServer(process.cwd(), 3300, env);
      servers.push(portal);
      const baseline = await startServer(baselineDir, 3301, {});
      servers.push(baseline);
      const cases = await pageCases(sql);
      const cookies = new Map<string, string>();
      for (const iin of new Set(cases.flatMap((c) => (c.iin ? [c.iin] : []))))
        cookies.set(iin, await sessionCookie(sql, iin, env.AUTH_SECRET));
      if (parts.has('pages') || parts.has('soak')) {
        const loads = await loadPages(portal, baseline, cases, cookies, { concurrency, seconds: Number(args.seconds) });
        figures.pages = loads.map((l) => ({ ...l, kind: cases.find((c) => c.name === l.page)!.kind }));
      }
      if (parts.has('weight')) {
        const framework = await firstLoadJs(
          baseline,
          [{ name: 'baseline page (the framework alone)', path: '/', iin: null, kind: 'public' }],
          cookies,
        );
        figures.weight = [...(await firstLoadJs(portal, cases, cookies)), ...framework];
      }
      if (parts.has('lighthouse')) {
        const picked = cases.filter((c) => ['landing', 'start', 'cabinet'].includes(c.kind) || c.name === 'UMS DP dashboard, first page');
        const ceiling = await lighthouseScores(
          baseline,
          [{ name: 'baseline page (the framework alone)', path: '/', iin: null, kind: 'public' }],
          cookies,
          true,
        );
        figures.lighthouse = [...(await lighthouseScores(portal, picked, cookies)), ...ceiling];
      }
      if (parts.has('soak')) {
        const target = cases.find((c) => c.kind === 'cabinet')!;
        const capacity = figures.pages!.filter((p) => p.page === target.name).reduce((m, p) => Math.max(m, p.rps), 0);
        console.log(`bench: soak, ${target.name} at ${(capacity / 2).toFixed(0)} req/s for ${args['soak-seconds']} s…`);
        figures.soak = await soak(portal, target.path, target.name, capacity / 2, Number(args['soak-seconds']), cookies.get(target.iin!));
      }
    }
    const [{ version: pg }] = await sql<[{ version: string }]>`select version()`;
    const machine = {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      next: (JSON.parse(fs.readFileSync('node_modules/next/package.json', 'utf8')) as { version: string }).version,
      postgres: pg.split(' ').slice(0, 2).join(' '),
    };
    const list = budgets(figures);
    const report = {
      at: new Date().toISOString(),
      minutes: (performance.now() - started) / 60_000,
      machine,
      parts: [...parts],
      data,
      ...figures,
      budgets: list,
    };
    const stamp = report.at.slice(0, 19).replace(/[:T]/g, '-');
    const outDir = path.join(process.cwd(), 'bench', 'results');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `${stamp}.json`), JSON.stringify(report, null, 2));
    const md = markdown(report);
    fs.writeFileSync(path.join(outDir, `${stamp}.md`), md);
    if (parts.size === PARTS.length)
      fs.writeFileSync(path.join(process.cwd(), 'bench', 'budgets.json'), JSON.stringify(list, null, 2) + '\n');
    console.log(md);
    for (const b of list) console.log(`${b.held ? 'HELD   ' : 'MISSED '} ${b.name}: ${b.value} (target ${b.target})`);
    console.log(`bench: ${list.filter((b) => b.held).length} of ${list.length} budgets hold; report in bench/results/${stamp}.md`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await sql.end();
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
