// A receipt for each payment (issue 15): its own human number, given once when the money arrives, and the PDF
// the payer keeps, in their language, built with the portal's document builder (lib/pdf/official.ts). Pure apart
// from the PDF's fonts and `nextReceiptNumber`, which takes the next number in the caller's transaction.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applicationNumbers } from '@/db/schema/applications';
import type { FeeLine, PaymentStatus } from '@/db/schema/payments';
import { localYear } from '@/lib/calendar/local';
import { formatDateTime, formatMoney } from '@/lib/format';
import { renderOfficialDocument, type OfficialDocument, type PdfLocale } from '@/lib/pdf/official';

/** The receipts' counter in `application_numbers` (one row per year); no pilot uses this prefix. */
export const RECEIPT_PREFIX = 'RCP';
const RECEIPT = /^RCP-(\d{4})-(\d{6,})$/;

/** RCP-2026-000123: the year the money arrived (Asia/Almaty) and its place in that year, from 1. */
export function formatReceiptNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`receipt year ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`receipt sequence ${seq}`);
  return `${RECEIPT_PREFIX}-${year}-${String(seq).padStart(6, '0')}`;
}

/** The year and sequence of a receipt number; null for anything else. */
export function parseReceiptNumber(s: string): { year: number; seq: number } | null {
  const m = RECEIPT.exec(s);
  if (!m) return null;
  const seq = Number(m[2]);
  return seq >= 1 ? { year: Number(m[1]), seq } : null;
}

/** The year a receipt is counted in: the local (Asia/Almaty) year the money arrived. */
export const receiptYear = (paidAt: Date) => localYear(paidAt);

/** The next receipt number of `paidAt`'s year, atomically (the same counter table as application numbers). */
export async function nextReceiptNumber(tx: DbOrTx, paidAt: Date): Promise<string> {
  const year = receiptYear(paidAt);
  const [row] = await tx
    .insert(applicationNumbers)
    .values({ prefix: RECEIPT_PREFIX, year, last: 1 })
    .onConflictDoUpdate({
      target: [applicationNumbers.prefix, applicationNumbers.year],
      set: { last: sql`${applicationNumbers.last} + 1` },
    })
    .returning({ last: applicationNumbers.last });
  return formatReceiptNumber(year, row!.last);
}

export type ReceiptInput = {
  receiptNumber: string;
  paidAt: Date;
  payer: { name: string; iin: string };
  applicationNumber: string | null;
  lines: readonly FeeLine[];
  amountTiyn: number;
  status: PaymentStatus;
  /** The gateway's transaction (invoice) id, as the bank's statement shows it. */
  invoiceId: string | null;
  refunded: boolean;
  /** A fee line's name in the receipt's language (never its code). */
  feeName: (code: string) => string;
};

const L = {
  kk: {
    title: 'Төлем түбіртегі',
    intro: 'Мемлекеттік қызмет үшін төлем Qyzmet порталы арқылы қабылданды.',
    payer: 'Төлеуші',
    iin: 'ЖСН',
    application: 'Өтініш нөмірі',
    paidAt: 'Төленген уақыты',
    invoice: 'Төлем жүйесіндегі транзакция нөмірі',
    total: 'Барлығы',
    state: 'Жай-күйі',
    paid: 'Төленді',
    refunded: 'Төленді, ақша қайтарылады',
    linesTitle: 'Төлем мақсаты',
    what: 'Атауы',
    amount: 'Сомасы',
  },
  ru: {
    title: 'Квитанция об оплате',
    intro: 'Оплата за государственную услугу принята через портал Qyzmet.',
    payer: 'Плательщик',
    iin: 'ИИН',
    application: 'Номер заявки',
    paidAt: 'Время оплаты',
    invoice: 'Номер транзакции в платёжной системе',
    total: 'Итого',
    state: 'Состояние',
    paid: 'Оплачено',
    refunded: 'Оплачено, деньги возвращаются',
    linesTitle: 'Назначение платежа',
    what: 'Наименование',
    amount: 'Сумма',
  },
} as const;

/** The receipt's own words per language (tests read them back from the PDF). */
export const receiptWords = L;

/** The receipt as the document builder's input, in `locale`. */
export function receiptDocument(r: ReceiptInput, locale: PdfLocale): OfficialDocument {
  if (!parseReceiptNumber(r.receiptNumber)) throw new RangeError(`not a receipt number: ${r.receiptNumber}`);
  const l = L[locale];
  const money = (tiyn: number) => formatMoney(tiyn, locale);
  return {
    locale,
    title: l.title,
    number: r.receiptNumber,
    date: formatDateTime(r.paidAt, locale),
    intro: l.intro,
    fields: [
      [l.payer, r.payer.name],
      [l.iin, r.payer.iin],
      ...(r.applicationNumber ? [[l.application, r.applicationNumber] as const] : []),
      [l.paidAt, formatDateTime(r.paidAt, locale)],
      ...(r.invoiceId ? [[l.invoice, r.invoiceId] as const] : []),
      [l.total, money(r.amountTiyn)],
      [l.state, r.refunded || r.status === 'refunded' ? l.refunded : l.paid],
    ],
    after: [
      { kind: 'heading', text: l.linesTitle },
      {
        kind: 'table',
        columns: [
          { header: l.what, weight: 3 },
          { header: l.amount, weight: 1 },
        ],
        rows: [...r.lines.map((line) => [r.feeName(line.code), money(line.amountTiyn)]), [l.total, money(r.amountTiyn)]],
      },
    ],
    createdAt: r.paidAt,
  };
}

/** The receipt's PDF in `locale`. */
export function renderReceiptPdf(r: ReceiptInput, locale: PdfLocale): Promise<Uint8Array> {
  return renderOfficialDocument(receiptDocument(r, locale));
}
