// The portal's one shape for a document a person keeps (issue 15): the portal's name, the document's title, its
// number and date, a table of fields, optional paragraphs, the verification link and code with a QR, and a footer
// with the page numbers — in the reader's language. Receipts, decisions and digital documents are built with it;
// lib/pdf/document.ts lays the text out. Pure apart from the PDF's fonts.
import { renderDocument, type Block } from './document';
import { drawVerifyQr } from './qr';

export type PdfLocale = 'kk' | 'ru';

export type OfficialDocument = {
  locale: PdfLocale;
  /** What the document is, e.g. «Төлем түбіртегі» / «Квитанция об оплате». */
  title: string;
  number: string;
  /** The document's date as printed (dd.mm.yyyy or dd.mm.yyyy, HH:MM). */
  date: string;
  /** Who issued it (the portal, an akimat, a UMS DP department), under the portal's name. */
  issuer?: string;
  intro?: string;
  /** Label and value pairs: the body of the document. */
  fields: readonly (readonly [string, string])[];
  /** Anything else after the fields (a reason, a list), laid out as lib/pdf/document.ts blocks. */
  after?: Block[];
  /** The verification link (drawn as a QR too), its code, and what to do with them when the default words do not fit. */
  verify?: { url: string; code?: string; text?: string };
  /** The PDF's creation date; fixed in tests so the bytes are reproducible. */
  createdAt: Date;
};

const L = {
  kk: {
    portal: 'Qyzmet — электрондық үкімет порталы',
    number: 'Нөмірі',
    date: 'Күні',
    verify: 'Құжаттың түпнұсқалығын QR-код бойынша немесе сілтеме арқылы тексеріңіз',
    code: 'Тексеру коды',
    page: (p: number, t: number) => `${t} беттің ${p}-беті`,
  },
  ru: {
    portal: 'Qyzmet — портал электронного правительства',
    number: 'Номер',
    date: 'Дата',
    verify: 'Подлинность документа проверяется по QR-коду или по ссылке',
    code: 'Код проверки',
    page: (p: number, t: number) => `Страница ${p} из ${t}`,
  },
} as const;

/** The words the builder itself prints, per language (tests read them back). */
export const officialWords = L;

/** The blocks of `d`, in order: what renderOfficialDocument lays out. */
export function officialBlocks(d: OfficialDocument): Block[] {
  const l = L[d.locale];
  return [
    { kind: 'paragraph', text: l.portal, bold: true, size: 9 },
    ...(d.issuer ? [{ kind: 'paragraph' as const, text: d.issuer, size: 9 }] : []),
    { kind: 'spacer', height: 14 },
    { kind: 'title', text: d.title },
    { kind: 'paragraph', text: `${l.number}: ${d.number} · ${l.date}: ${d.date}` },
    ...(d.intro ? [{ kind: 'paragraph' as const, text: d.intro }] : []),
    { kind: 'spacer', height: 4 },
    ...(d.fields.length
      ? [
          {
            kind: 'table' as const,
            columns: [
              { header: '', weight: 1 },
              { header: '', weight: 2.2 },
            ],
            rows: d.fields.map(([label, value]) => [label, value]),
          },
        ]
      : []),
    ...(d.after ?? []),
    ...(d.verify
      ? [
          { kind: 'spacer' as const, height: 10 },
          { kind: 'paragraph' as const, text: `${d.verify.text ?? l.verify}: ${d.verify.url}` },
          ...(d.verify.code ? [{ kind: 'paragraph' as const, text: `${l.code}: ${d.verify.code}`, bold: true }] : []),
        ]
      : []),
  ];
}

/** `d` as a PDF in its language, with the verification QR on the first page when there is a link. */
export async function renderOfficialDocument(d: OfficialDocument): Promise<Uint8Array> {
  const l = L[d.locale];
  const bytes = await renderDocument({
    title: `${d.title} № ${d.number}`,
    language: d.locale,
    subject: l.portal,
    blocks: officialBlocks(d),
    footer: (p, t) => l.page(p, t),
    createdAt: d.createdAt,
  });
  return d.verify ? drawVerifyQr(bytes, d.verify.url) : bytes;
}
