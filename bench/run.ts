/**
 * `npm run bench` (issue 6): measurements on one machine, never part of `npm test`. This first part builds the
 * data at scale and reports the query plans; pages under load, the framework baseline, flows per second and
 * page weight come next (see the README's Performance section).
 *
 *   npm run bench -- --applications 1000000   (default 1 000 000; fewer for a quick look)
 *
 * Without DATABASE_URL it starts its own embedded PostgreSQL in a temporary directory, migrates and seeds it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { startEmbeddedPostgres } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { seedDatabase } from '../db/seed-run';
import { generate } from './generate';
import { explainAll } from './plans';

const { values: args } = parseArgs({ options: { applications: { type: 'string', default: '1000000' }, 'budget-ms': { type: 'string', default: '50' } } });
const total = Number(args.applications);
const budgetMs = Number(args['budget-ms']);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-bench-'));
  fs.chmodSync(dir, 0o755);
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), quiet: true });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  process.env.DATABASE_URL = url;
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  try {
    console.log(`bench: migrating and seeding…`);
    await runMigrations(url);
    await seedDatabase(url);
    console.log(`bench: generating ${total.toLocaleString('en')} applications…`);
    const data = await generate(sql, total);
    console.log(`bench: ${data.applications} applications in ${data.seconds.toFixed(1)} s (${data.rowsPerSecond.toLocaleString('en')} rows/s)`);
    const plans = await explainAll(sql, budgetMs);
    const budgets = [
      { name: `no page query over ${budgetMs} ms at ${total.toLocaleString('en')} applications`, target: `≤ ${budgetMs} ms`, value: `${Math.max(...plans.map((p) => p.ms)).toFixed(1)} ms max`, held: plans.every((p) => p.ms <= budgetMs) },
      { name: 'no sequential scan on a table over 100 000 rows', target: '0', value: String(plans.filter((p) => p.seqScans.length).length), held: plans.every((p) => !p.seqScans.length) },
    ];
    const machine = { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const outDir = path.join(process.cwd(), 'bench', 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const report = { at: new Date().toISOString(), machine, data, plans, budgets };
    fs.writeFileSync(path.join(outDir, `${stamp}.json`), JSON.stringify(report, null, 2));
    const md = [
      `# Bench ${report.at}`, '', `Machine: ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}.`, '',
      `Data: ${data.applications.toLocaleString('en')} applications in ${data.seconds.toFixed(1)} s (${data.rowsPerSecond.toLocaleString('en')} rows/s).`, '',
      '| query | ms | seq scans on large tables | ok |', '|---|---|---|---|',
      ...plans.map((p) => `| ${p.name} | ${p.ms.toFixed(2)} | ${p.seqScans.join(', ') || '—'} | ${p.ok ? 'yes' : '**no**'} |`), '',
      '| budget | target | value | held |', '|---|---|---|---|',
      ...budgets.map((b) => `| ${b.name} | ${b.target} | ${b.value} | ${b.held ? 'yes' : '**no**'} |`), '',
    ].join('\n');
    fs.writeFileSync(path.join(outDir, `${stamp}.md`), md);
    console.log(md);
    for (const b of budgets) console.log(`${b.held ? 'HELD   ' : 'MISSED '} ${b.name}: ${b.value}`);
  } finally {
    await sql.end();
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
