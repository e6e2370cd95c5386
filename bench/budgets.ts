// The budgets of issue 6: targets to reach, not tests. Each is `{ name, target, value, held }`; a part that did
// not run leaves its budgets out rather than calling them held.
import type { Score } from './lighthouse';
import type { PageLoad } from './pages';
import type { PlanReport } from './plans';
import type { Soak } from './soak';
import type { Weight } from './weight';

/** What the report needs of bench/flows.ts's FlowReport. */
export type FlowFigures = {
  flow: string;
  concurrency: number;
  applications: number;
  failed: number;
  perSecond: number;
  steps: { name: string; p50: number; p95: number }[];
  firstError?: string;
};

export type Budget = { name: string; target: string; value: string; held: boolean };

export type Figures = {
  applications: number;
  plans?: PlanReport[];
  flows?: FlowFigures[];
  pages?: (PageLoad & { kind: string })[];
  weight?: Weight[];
  lighthouse?: Score[];
  soak?: Soak;
};

const HEADLINE = 16;
const pct = (x: number) => `${Math.round(x * 100)} %`;

export function budgets(f: Figures): Budget[] {
  const out: Budget[] = [];
  const scale = f.applications.toLocaleString('en');
  if (f.plans?.length) {
    const worst = Math.max(...f.plans.map((p) => p.ms));
    out.push({
      name: `no page query over 50 ms at ${scale} applications`,
      target: '≤ 50 ms',
      value: `${worst.toFixed(1)} ms max`,
      held: worst <= 50,
    });
    const scans = f.plans.filter((p) => p.seqScans.length);
    out.push({
      name: 'no sequential scan on a table over 100 000 rows',
      target: '0',
      value: String(scans.length),
      held: scans.length === 0,
    });
  }
  for (const p of (f.pages ?? []).filter((x) => x.concurrency === HEADLINE)) {
    if (p.kind === 'dashboard') {
      out.push({
        name: `${p.page}: p95 at concurrency ${HEADLINE} (${scale} applications)`,
        target: '≤ 150 ms',
        value: `${p.p95.toFixed(0)} ms`,
        held: p.p95 <= 150,
      });
      out.push({ name: `${p.page}: throughput vs baseline`, target: '≥ 50 %', value: pct(p.ratio), held: p.ratio >= 0.5 });
    }
    const floor = p.kind === 'landing' || p.kind === 'start' ? 0.8 : p.kind === 'cabinet' ? 0.6 : null;
    if (floor !== null)
      out.push({
        name: `${p.page}: throughput vs baseline at concurrency ${HEADLINE}`,
        target: `≥ ${pct(floor)}`,
        value: pct(p.ratio),
        held: p.ratio >= floor,
      });
    if (p.errors)
      out.push({ name: `${p.page}: no failed responses at concurrency ${HEADLINE}`, target: '0', value: String(p.errors), held: false });
  }
  const idCards = f.flows?.find((x) => x.flow === 'id_card' && x.concurrency === HEADLINE);
  if (idCards)
    out.push({
      name: `ID-card applications end to end through the service layer at concurrency ${HEADLINE}`,
      target: '≥ 50 /s',
      value: `${idCards.perSecond.toFixed(1)} /s${idCards.failed ? `, ${idCards.failed} failed` : ''}`,
      held: idCards.perSecond >= 50 && !idCards.failed,
    });
  for (const w of (f.weight ?? []).filter((x) => ['landing', 'start', 'cabinet', 'citizen'].includes(x.kind))) {
    out.push({ name: `${w.page}: first-load JS (gzip)`, target: '≤ 150 KB', value: `${w.kb.toFixed(0)} KB`, held: w.kb <= 150 });
  }
  for (const s of (f.lighthouse ?? []).filter((x) => !x.ceiling)) {
    out.push({ name: `${s.page}: Lighthouse performance`, target: '≥ 90', value: String(s.performance), held: s.performance >= 90 });
    out.push({ name: `${s.page}: Lighthouse accessibility`, target: '≥ 95', value: String(s.accessibility), held: s.accessibility >= 95 });
  }
  if (f.soak)
    out.push({
      name: `server RSS growth over ${Math.round(f.soak.seconds / 60)} min at half capacity (${f.soak.page})`,
      target: '< 10 %',
      value: `${(f.soak.growth * 100).toFixed(1)} % (${f.soak.rssStartMiB.toFixed(0)} → ${f.soak.rssEndMiB.toFixed(0)} MiB)`,
      held: f.soak.growth < 0.1 && !f.soak.errors,
    });
  return out;
}
