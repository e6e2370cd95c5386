import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadFontBytes } from '@/lib/pdf/document';
import { officialWords, renderOfficialDocument } from '@/lib/pdf/official';
import {
  formatReceiptNumber,
  parseReceiptNumber,
  receiptDocument,
  receiptWords,
  receiptYear,
  renderReceiptPdf,
  type ReceiptInput,
} from '@/lib/payments/receipt';
import fontkit from '@pdf-lib/fontkit';
import { pdfText } from '@/tests/support/pdf-text';

describe('receipt numbers', () => {
  it('are RCP-year-six digits, from 1, and read back', () => {
    expect(formatReceiptNumber(2026, 1)).toBe('RCP-2026-000001');
    expect(formatReceiptNumber(2026, 999_999)).toBe('RCP-2026-999999');
    expect(formatReceiptNumber(2027, 1_000_000)).toBe('RCP-2027-1000000'); // a seven-digit year still sorts per year
    expect(parseReceiptNumber('RCP-2026-000123')).toEqual({ year: 2026, seq: 123 });
    expect(parseReceiptNumber('RCP-2027-1000000')).toEqual({ year: 2027, seq: 1_000_000 });
  });
  it('refuse what is not one', () => {
    expect(() => formatReceiptNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatReceiptNumber(2026, 1.5)).toThrow(RangeError);
    expect(() => formatReceiptNumber(99, 1)).toThrow(RangeError);
    for (const bad of ['RCP-2026-000000', 'RCP-2026-12345', 'VR-2026-000001', 'rcp-2026-000001', 'RCP-2026-000001 ', ''])
      expect(parseReceiptNumber(bad), bad).toBeNull();
  });
  it('count the money in its Almaty year: 18:59 UTC on 31 December is still that year, 19:00 is the next', () => {
    expect(receiptYear(new Date('2026-12-31T18:59:59Z'))).toBe(2026);
    expect(receiptYear(new Date('2026-12-31T19:00:00Z'))).toBe(2027);
  });
});

const receipt: ReceiptInput = {
  receiptNumber: 'RCP-2026-000042',
  paidAt: new Date('2026-03-02T06:15:00Z'),
  payer: { name: 'Әбдіқадыр Айгерім Серікқызы', iin: '900101400123' },
  applicationNumber: 'IDR-2026-000007',
  lines: [
    { code: 'vehicle.registration', mrpMilli: 250, amountTiyn: 108_100 },
    { code: 'vehicle.srts', mrpMilli: 1250, amountTiyn: 540_600 },
  ],
  amountTiyn: 648_700,
  status: 'paid',
  invoiceId: 'INV-77',
  refunded: false,
  feeName: (code) => ({ 'vehicle.registration': 'Тіркеу алымы', 'vehicle.srts': 'КТТК бланкісі' })[code] ?? code,
};

describe('the receipt PDF', () => {
  it.each(['kk', 'ru'] as const)('shows in %s its title, number, date, payer, each line and the total in ₸', async (locale) => {
    const bytes = await renderReceiptPdf(receipt, locale);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(`${receiptWords[locale].title} № RCP-2026-000042`);
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toContain(locale);
    const [text] = await pdfText(bytes);
    expect(text).not.toContain('\uFFFD'); // every glyph maps back to a letter
    expect(text).toContain(receiptWords[locale].title);
    expect(text).toContain(officialWords[locale].portal);
    expect(text).toContain('RCP-2026-000042');
    expect(text).toContain('02.03.2026, 11:15'); // the paid time in Asia/Almaty
    expect(text).toContain('Әбдіқадыр Айгерім Серікқызы');
    expect(text).toContain('IDR-2026-000007');
    expect(text).toContain('Тіркеу алымы');
    expect(text).toMatch(/1\s081\s₸/);
    expect(text).toMatch(/6\s487\s₸/);
    expect(text).toContain(receiptWords[locale].paid);
    // the other language's title is not there
    expect(text).not.toContain(receiptWords[locale === 'kk' ? 'ru' : 'kk'].title);
    expect(text).toContain(officialWords[locale].page(1, 1));
  });
  it('says when the money is being returned, and has no application row for a payment without one', async () => {
    const doc = receiptDocument({ ...receipt, refunded: true, applicationNumber: null, invoiceId: null }, 'ru');
    expect(doc.fields.map(([label]) => label)).not.toContain(receiptWords.ru.application);
    expect(doc.fields.map(([label]) => label)).not.toContain(receiptWords.ru.invoice);
    expect(doc.fields).toContainEqual([receiptWords.ru.state, receiptWords.ru.refunded]);
  });
  it('refuses a number that is not a receipt number', () => {
    expect(() => receiptDocument({ ...receipt, receiptNumber: 'RR-2026-000001' }, 'kk')).toThrow(RangeError);
  });
  it('has a glyph for ₸ and the no-break spaces money is written with', async () => {
    const font = fontkit.create((await loadFontBytes()).regular);
    for (const ch of ['₸', '\u00a0', '\u202f']) expect(font.glyphForCodePoint(ch.codePointAt(0)!).id, ch).not.toBe(0);
  });
});

describe('renderOfficialDocument', () => {
  it('prints the verification link and code and draws the QR only when there is a link', async () => {
    const base = {
      locale: 'kk' as const,
      title: 'Шешім',
      number: 'N-1',
      date: '01.02.2026',
      fields: [['А', 'Б']] as const,
      createdAt: new Date(0),
    };
    const withQr = await renderOfficialDocument({ ...base, verify: { url: 'https://qyzmet.example/kk/verify?n=1', code: 'ABC123' } });
    const without = await renderOfficialDocument(base);
    const [a] = await pdfText(withQr);
    const [b] = await pdfText(without);
    expect(a).toContain('https://qyzmet.example/kk/verify?n=1');
    expect(a).toContain(`${officialWords.kk.code}: ABC123`);
    expect(b).not.toContain(officialWords.kk.code);
    expect(a).toContain('Нөмірі: N-1');
    // the QR is drawn as hundreds of filled squares: the page with a link has far more content than without
    expect(withQr.length).toBeGreaterThan(without.length + 2000);
  });
});
