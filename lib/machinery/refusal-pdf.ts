// The printable refusals of the front office: p.8 (refusal to accept documents, an incomplete package, with the
// missing checklist items by name) and p.7 (a motivated refusal after a negative biometric check). Pure: the
// item names come from the caller (e.g. `t('Machinery.checklist.<code>')`), so this module reads no messages.
import { localDateTime } from '@/lib/calendar/local';
import { renderDocument, type Block } from '@/lib/pdf/document';
import type { PdfLocale } from '@/lib/machinery/transfer-act';

export type IntakeRefusal = {
  kind: 'package_incomplete' | 'biometrics_failed';
  applicationNumber?: string | null;
  applicantName: string;
  /** The action's display name. */
  action: string;
  /** Checklist codes that were missing (p.8); ignored for a biometric refusal. */
  missingItems?: string[];
  /** The name of a checklist item, e.g. a translator over `Machinery.checklist`. */
  itemName: (code: string) => string;
  /** The legal basis text of the refusal reason row. */
  legalBasis: string;
  con: string;
  worker: { name: string; role: string };
  at: Date;
};

const L = {
  kk: {
    package_incomplete: 'Құжаттарды қабылдаудан бас тарту туралы қолхат',
    biometrics_failed: 'Дәлелді бас тарту',
    intro: {
      package_incomplete: 'Ұсынылған құжаттар топтамасы толық болмауына байланысты құжаттарды қабылдаудан бас тартылды.',
      biometrics_failed: 'Биометриялық сәйкестендірудің нәтижесі теріс болуына байланысты мемлекеттік қызмет көрсетуден бас тартылды.',
    },
    number: 'Өтініш нөмірі',
    applicant: 'Көрсетілетін қызметті алушы',
    action: 'Іс-әрекет',
    missing: 'Жетіспейтін құжаттар',
    basis: 'Құқықтық негіз',
    con: 'ХҚКО',
    worker: 'Қызметкер',
    date: 'Күні',
    sign: 'Қолы',
    page: (p: number, t: number) => `${t} беттің ${p}-беті`,
  },
  ru: {
    package_incomplete: 'Расписка об отказе в приеме документов',
    biometrics_failed: 'Мотивированный отказ',
    intro: {
      package_incomplete: 'В приеме документов отказано в связи с представлением неполного пакета документов.',
      biometrics_failed: 'В оказании государственной услуги отказано в связи с отрицательным результатом биометрической идентификации.',
    },
    number: 'Номер заявления',
    applicant: 'Услугополучатель',
    action: 'Действие',
    missing: 'Недостающие документы',
    basis: 'Правовое основание',
    con: 'ЦОН',
    worker: 'Работник',
    date: 'Дата',
    sign: 'Подпись',
    page: (p: number, t: number) => `Страница ${p} из ${t}`,
  },
} as const;

/** The refusal as a PDF in `locale`. */
export function renderIntakeRefusalPdf(r: IntakeRefusal, locale: PdfLocale): Promise<Uint8Array> {
  const l = L[locale];
  const missing = r.kind === 'package_incomplete' ? (r.missingItems ?? []) : [];
  if (r.kind === 'package_incomplete' && missing.length === 0) {
    throw new RangeError('a refusal for an incomplete package names at least one missing item');
  }
  const blocks: Block[] = [
    { kind: 'title', text: l[r.kind] },
    { kind: 'paragraph', text: l.intro[r.kind] },
    {
      kind: 'table',
      columns: [
        { header: '', weight: 1 },
        { header: '', weight: 2.5 },
      ],
      rows: [
        ...(r.applicationNumber ? [[l.number, r.applicationNumber]] : []),
        [l.applicant, r.applicantName],
        [l.action, r.action],
        [l.con, r.con],
        [l.date, localDateTime(r.at)],
      ],
    },
  ];
  if (missing.length > 0) {
    blocks.push(
      { kind: 'heading', text: l.missing },
      { kind: 'paragraph', text: missing.map((c, i) => `${i + 1}. ${r.itemName(c)}`).join('\n') },
    );
  }
  blocks.push(
    { kind: 'heading', text: l.basis },
    { kind: 'paragraph', text: r.legalBasis },
    { kind: 'spacer', height: 20 },
    { kind: 'paragraph', text: `${l.worker}: ${r.worker.role}, ${r.worker.name}\n${l.sign}: ________________` },
  );
  return renderDocument({
    title: l[r.kind],
    language: locale,
    blocks,
    footer: (p, t) => l.page(p, t),
    createdAt: r.at,
  });
}
