// The bench report as Markdown: the machine, every figure of the parts that ran, and the budgets.
import fs from 'node:fs';
import path from 'node:path';
import type { Budget, Figures } from './budgets';

type Report = Figures & {
  at: string;
  minutes: number;
  parts: string[];
  budgets: Budget[];
  machine: { cores: number; cpu: string; memoryGiB: number; platform: string; node: string; next: string; postgres: string };
  data?: { applications: number; seconds: number; rowsPerSecond: number };
};

const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''].join('\n');
const ms = (x: number) => x.toFixed(x < 10 ? 1 : 0);

/** What each flow of bench/flows.ts takes through the service layer, for the reader of the report. */
const FLOWS: Record<string, string> = {
  id_card: 'ID card (order 002): start → form → photo → signature sample → sign and submit → pay → approve with EDS → production → issue',
  vehicle: 'vehicle (order 000): dealer → buyer → step 19 → hand-over at the CON',
  machinery:
    'agricultural machinery (orders 001/004): ticket → call → action → identify (GBD FL, Digital ID) → owner → machine → checklist → fees → a scan per item → the worker’s EDS → the akimat’s EDS approval with a plate → hand-over at the CON',
  residence:
    'residence registration online (order 003, SPEC §6): start → the dwelling (cadastre) → the arrival form → finish (the other owner asked) → the owner’s EDS consent → the applicant’s EDS, GBD FL records the address',
};

export function markdown(r: Report): string {
  const m = r.machine;
  const out = [
    `# Bench ${r.at}`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}, Next.js ${m.next}, ${m.postgres}. Parts: ${r.parts.join(', ')}; ${r.minutes.toFixed(1)} min.`,
    '',
    `Database: ${r.applications.toLocaleString('en')} applications.`,
    '',
  ];
  if (r.data)
    out.push(
      `Generated ${r.data.applications.toLocaleString('en')} applications in ${r.data.seconds.toFixed(1)} s (${r.data.rowsPerSecond.toLocaleString('en')} rows/s).`,
      '',
    );
  if (r.plans) {
    out.push(
      '## Query plans (EXPLAIN ANALYZE)',
      '',
      table(
        ['query', 'ms', 'seq scans on large tables'],
        r.plans.map((p) => [p.name, p.ms.toFixed(2), p.seqScans.join(', ') || '—']),
      ),
    );
  }
  if (r.pages) {
    out.push(
      '## Pages under load (autocannon; baseline measured just before each run)',
      '',
      table(
        ['page', 'conc.', 'req/s', 'baseline req/s', 'ratio', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
        r.pages.map((p) => [
          p.page,
          p.concurrency,
          p.rps.toFixed(0),
          p.baselineRps.toFixed(0),
          p.ratio.toFixed(2),
          ms(p.p50),
          ms(p.p95),
          ms(p.p99),
          p.errors,
        ]),
      ),
    );
  }
  if (r.flows) {
    out.push(
      '## Flows through the service layer',
      '',
      table(
        ['flow', 'conc.', 'applications', 'failed', 'applications/s', 'steps (p50 / p95 ms)'],
        r.flows.map((f) => [
          f.flow,
          f.concurrency,
          f.applications,
          f.failed,
          f.perSecond.toFixed(1),
          f.steps.map((s) => `${s.name} ${ms(s.p50)} / ${ms(s.p95)}`).join('; '),
        ]),
      ),
    );
    const names = [...new Set(r.flows.map((f) => f.flow))];
    out.push(...names.map((n) => `- ${FLOWS[n] ?? n}`), '');
    const failed = r.flows.filter((f) => f.firstError);
    if (failed.length) out.push(...failed.map((f) => `- ${f.flow} @${f.concurrency}: ${f.firstError}`), '');
  }
  if (r.weight)
    out.push(
      '## First-load JavaScript (gzip)',
      '',
      table(
        ['page', 'scripts', 'KB'],
        r.weight.map((w) => [w.page, w.scripts, w.kb.toFixed(1)]),
      ),
    );
  if (r.lighthouse) {
    out.push(
      '## Lighthouse (mobile emulation, simulated throttling)',
      '',
      table(
        ['page', 'performance', 'accessibility', 'LCP ms', 'TBT ms'],
        r.lighthouse.map((s) => [s.page, s.performance, s.accessibility, s.lcpMs.toFixed(0), s.tbtMs.toFixed(0)]),
      ),
    );
  }
  if (r.soak) {
    const s = r.soak;
    out.push(
      '## Memory soak',
      '',
      `${s.page} at ${s.rate.toFixed(0)} req/s for ${s.seconds} s: ${s.requests} requests, ${s.errors} errors; RSS ${s.rssStartMiB.toFixed(0)} → ${s.rssEndMiB.toFixed(0)} MiB (${(s.growth * 100).toFixed(1)} %). Samples every 5 s (MiB): ${s.samples.join(' ')}.`,
      '',
    );
  }
  out.push(
    '## Budgets',
    '',
    table(
      ['budget', 'target', 'value', 'held'],
      r.budgets.map((b) => [b.name, b.target, b.value, b.held ? 'yes' : '**no**']),
    ),
  );
  // What the team changed because of the bench, and why the budgets that miss do (kept by hand in bench/notes.md).
  const notes = path.join(process.cwd(), 'bench', 'notes.md');
  if (fs.existsSync(notes)) out.push(fs.readFileSync(notes, 'utf8'));
  return out.join('\n');
}
