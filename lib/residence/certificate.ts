// The result of an online registration (SPEC §6: "the result is in Digital documents"): the address certificate
// (адрестік анықтама / адресная справка) — its number, whether it is still in force, what the applicant signs,
// and its printable PDF in the applicant's language with a verification QR. Pure apart from the PDF's fonts.
import QRCode from 'qrcode';
import { PDFDocument, rgb } from 'pdf-lib';
import { A4, renderDocument, type Block } from '@/lib/pdf/document';
import type { ArrivalForm } from './arrival-form';

export type ResidenceKind = 'permanent' | 'temporary';

/** The certificate is numbered after its application (RR-2026-000123 → RRC-2026-000123): one per registration. */
export function certificateNumberOf(applicationNumber: string): string {
  return applicationNumber.replace(/^RR-/, 'RRC-');
}

/** The application number a certificate number came from; null for anything else. */
export function applicationNumberOf(certificateNumber: string): string | null {
  return /^RRC-\d{4}-\d{6}$/.test(certificateNumber) ? certificateNumber.replace(/^RRC-/, 'RR-') : null;
}

export type CertificateState = 'active' | 'ended';

/**
 * In force or ended on `today`: a temporary registration ends after its last day; a permanent one when GBD FL no
 * longer has the person at that dwelling (they registered elsewhere since).
 */
export function certificateState(
  c: { kind: ResidenceKind; stayUntil: string | null; cadastralNumber: string },
  today: string,
  currentPermanentCadastralNumber: string | null,
): CertificateState {
  if (c.kind === 'temporary') return c.stayUntil !== null && today <= c.stayUntil ? 'active' : 'ended';
  return currentPermanentCadastralNumber === c.cadastralNumber ? 'active' : 'ended';
}

/**
 * What the applicant signs with EDS (SPEC §2.3): canonical JSON rebuilt from the stored application — the service,
 * the dwelling, the period, every owner with their share and how they agreed, and the arrival form.
 */
export function applicationDocument(i: {
  number: string;
  kind: ResidenceKind;
  applicant: { iin: string; name: string };
  dwelling: { cadastralNumber: string; regionCode: string; addressRu: string };
  period: { from: string; until: string } | null;
  owners: { iin: string; shareMilli: number; consent: 'applicant' | 'consented' }[];
  arrivalForm: ArrivalForm;
}) {
  return {
    kind: 'qyzmet.residence.application',
    number: i.number,
    service: i.kind,
    applicant: i.applicant,
    dwelling: i.dwelling,
    period: i.period,
    owners: i.owners,
    arrivalForm: i.arrivalForm,
  };
}

export type CertificatePdfInput = {
  certificateNumber: string;
  applicationNumber: string;
  kind: ResidenceKind;
  holder: { name: string; iin: string; birthDate: string };
  address: string;
  cadastralNumber: string;
  registeredOn: string;
  period: { from: string; until: string } | null;
  state: CertificateState;
  printedOn: string;
  verify: { url: string; code: string };
};

const L = {
  kk: {
    title: 'Адрестік анықтама',
    intro: 'Осы анықтама «Жеке тұлғалар» мемлекеттік деректер қорының мәліметтері бойынша берілді.',
    number: 'Анықтама нөмірі',
    application: 'Өтініш нөмірі',
    holder: 'Азамат',
    iin: 'ЖСН',
    birthDate: 'Туған күні',
    kind: 'Тіркеу түрі',
    permanent: 'Тұрғылықты жері бойынша тіркеу',
    temporary: 'Уақытша болатын (тұратын) жері бойынша уақытша тіркеу',
    address: 'Мекенжайы',
    cadastral: 'Кадастрлық нөмірі',
    registeredOn: 'Тіркелген күні',
    period: 'Тіркеу мерзімі',
    periodValue: (from: string, until: string) => `${from} – ${until}`,
    state: 'Жай-күйі',
    active: 'Қолданыста',
    ended: 'Тіркеу аяқталды',
    printedOn: 'Басып шығарылған күні',
    verify: 'Анықтаманың түпнұсқалығын QR-код бойынша немесе сайтта өтініш нөмірі мен кодты енгізіп тексеріңіз',
    code: 'Тексеру коды',
    page: (p: number, t: number) => `${t} беттің ${p}-беті`,
  },
  ru: {
    title: 'Адресная справка',
    intro: 'Справка выдана по сведениям государственной базы данных «Физические лица».',
    number: 'Номер справки',
    application: 'Номер заявки',
    holder: 'Гражданин',
    iin: 'ИИН',
    birthDate: 'Дата рождения',
    kind: 'Вид регистрации',
    permanent: 'Регистрация по месту жительства',
    temporary: 'Временная регистрация по месту временного пребывания (проживания)',
    address: 'Адрес',
    cadastral: 'Кадастровый номер',
    registeredOn: 'Дата регистрации',
    period: 'Срок регистрации',
    periodValue: (from: string, until: string) => `${from} – ${until}`,
    state: 'Состояние',
    active: 'Действует',
    ended: 'Регистрация окончена',
    printedOn: 'Дата печати',
    verify: 'Подлинность справки проверяется по QR-коду или на сайте по номеру заявки и коду',
    code: 'Код проверки',
    page: (p: number, t: number) => `Страница ${p} из ${t}`,
  },
} as const;

/** dd.mm.yyyy, as printed on a certificate. */
const printed = (date: string) => date.split('-').reverse().join('.');

/** The certificate as a one-page PDF in `locale`, with the verification link as a QR code at the foot. */
export async function renderCertificatePdf(c: CertificatePdfInput, locale: 'kk' | 'ru'): Promise<Uint8Array> {
  const l = L[locale];
  const rows: string[][] = [
    [l.number, c.certificateNumber],
    [l.application, c.applicationNumber],
    [l.holder, c.holder.name],
    [l.iin, c.holder.iin],
    [l.birthDate, printed(c.holder.birthDate)],
    [l.kind, l[c.kind]],
    [l.address, c.address],
    [l.cadastral, c.cadastralNumber],
    [l.registeredOn, printed(c.registeredOn)],
    ...(c.period ? [[l.period, l.periodValue(printed(c.period.from), printed(c.period.until))]] : []),
    [l.state, l[c.state]],
    [l.printedOn, printed(c.printedOn)],
  ];
  const blocks: Block[] = [
    { kind: 'title', text: l.title },
    { kind: 'paragraph', text: l.intro },
    {
      kind: 'table',
      columns: [
        { header: '', weight: 1 },
        { header: '', weight: 2.2 },
      ],
      rows,
    },
    { kind: 'spacer', height: 10 },
    { kind: 'paragraph', text: `${l.verify}: ${c.verify.url}` },
    { kind: 'paragraph', text: `${l.code}: ${c.verify.code}`, bold: true },
  ];
  const bytes = await renderDocument({
    title: `${l.title} ${c.certificateNumber}`,
    language: locale,
    blocks,
    footer: (p, t) => l.page(p, t),
    createdAt: new Date(`${c.printedOn}T12:00:00+05:00`),
  });
  return drawQr(bytes, c.verify.url);
}

/** Draws the link's QR code (modules as squares) at the foot of the first page, above the page number. */
async function drawQr(pdf: Uint8Array, url: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(0);
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = 110;
  const cell = side / (n + 2);
  const x0 = A4.width - 50 - side;
  const y0 = 50;
  page.drawRectangle({ x: x0, y: y0, width: side, height: side, color: rgb(1, 1, 1) });
  for (let r = 0; r < n; r++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(r, col))
        page.drawRectangle({ x: x0 + (col + 1) * cell, y: y0 + side - (r + 2) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
  return doc.save();
}
