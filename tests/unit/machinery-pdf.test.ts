import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadFontBytes, renderDocument } from '@/lib/pdf/document';
import { actBytes, canonicalAct, dueForTransfer, renderTransferActPdf, type ActInput } from '@/lib/machinery/transfer-act';
import { renderIntakeRefusalPdf } from '@/lib/machinery/refusal-pdf';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const KAZAKH = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', 'Ә', 'Қ', 'Ж', 'щ'];
const h = (c: string) => c.repeat(64);

function input(): ActInput {
  return {
    number: 'ТА-2026-001',
    date: '2026-03-02',
    akimat: { id: 'ak1', name: 'Әкімдік' },
    con: { id: 'con1', name: 'ХҚКО №1' },
    applications: [
      {
        number: 'M-2026-0002',
        action: 'registration',
        decision: 'approved',
        decidedAt: new Date('2026-01-31T10:00:00Z'),
        machine: { kind: 'tractor', make: 'Беларус', model: '82.1', serialNumber: 'SN1' },
        documents: [
          { code: 'ownership_document', name: 'Шарт', sha256: h('b') },
          { code: 'identity_document', name: 'Жеке куәлік', sha256: h('a') },
        ],
      },
      {
        number: 'M-2026-0001',
        action: 'deregistration',
        decision: 'refused',
        decidedAt: new Date('2026-01-30T10:00:00Z'),
        machine: { kind: 'combine', make: 'Ростсельмаш', model: 'Acros', serialNumber: 'SN2', plate: '01 AB 123' },
        documents: [{ code: 'identity_document', name: 'Жеке куәлік', sha256: h('c') }],
      },
    ],
  };
}

async function fontNames(pdf: PDFDocument): Promise<string[]> {
  const names: string[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')) {
      expect(obj.get(PDFName.of('FontFile2'))).toBeDefined();
      names.push(String(obj.get(PDFName.of('FontName'))));
    }
  }
  return names;
}

describe('the document font', () => {
  it('has a glyph for every Kazakh letter', async () => {
    const { regular, bold } = await loadFontBytes();
    for (const bytes of [regular, bold]) {
      const font = fontkit.create(bytes);
      for (const ch of KAZAKH) expect(font.glyphForCodePoint(ch.codePointAt(0)!).id, ch).not.toBe(0);
      expect(font.glyphForCodePoint(0xe000).id).toBe(0); // the check can fail: a private-use point has no glyph
    }
  });
});

describe('renderDocument', () => {
  it('wraps, paginates a long table and numbers the pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [String(i), 'ұзын мәтін '.repeat(8)]);
    const bytes = await renderDocument({
      title: 'Сынақ',
      language: 'kk',
      blocks: [
        { kind: 'title', text: 'Сынақ' },
        { kind: 'table', columns: [{ header: 'A' }, { header: 'B', weight: 3 }], rows },
      ],
      footer: (p, t) => `${p}/${t}`,
    });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(2);
    expect(pdf.getTitle()).toBe('Сынақ');
  });
});

describe('dueForTransfer', () => {
  it('is one calendar month later in local dates, clamped at the month end', () => {
    expect(dueForTransfer(new Date('2026-01-31T10:00:00Z')).dueDate).toBe('2026-02-28');
    expect(dueForTransfer(new Date('2028-01-31T10:00:00Z')).dueDate).toBe('2028-02-29');
    expect(dueForTransfer(new Date('2026-03-31T10:00:00Z')).dueDate).toBe('2026-04-30');
    expect(dueForTransfer(new Date('2026-12-15T10:00:00Z')).dueDate).toBe('2027-01-15');
    // 23:59 local on 31 Jan is 18:59 UTC: still 31 Jan. 00:30 local on 1 Feb is 19:30 UTC on 31 Jan.
    expect(dueForTransfer(new Date('2026-01-31T18:59:00Z')).dueDate).toBe('2026-02-28');
    expect(dueForTransfer(new Date('2026-01-31T19:30:00Z')).dueDate).toBe('2026-03-01');
  });
  it('becomes due at local midnight of the due date', () => {
    const decided = new Date('2026-01-31T10:00:00Z');
    const d = dueForTransfer(decided, new Date('2026-02-27T18:59:59Z'));
    expect(d.due).toBe(false);
    expect(d.dueAt.toISOString()).toBe('2026-02-27T19:00:00.000Z');
    expect(dueForTransfer(decided, new Date('2026-02-27T19:00:00Z')).due).toBe(true);
  });
});

describe('canonicalAct', () => {
  it('is deterministic whatever the input order', () => {
    const a = input();
    const b = input();
    b.applications.reverse();
    b.applications[1]!.documents.reverse();
    const bytes = new TextDecoder().decode(actBytes(canonicalAct(a)));
    expect(new TextDecoder().decode(actBytes(canonicalAct(b)))).toBe(bytes);
    expect(bytes.startsWith('{"akimat":')).toBe(true);
    expect(bytes.indexOf('M-2026-0001')).toBeLessThan(bytes.indexOf('M-2026-0002'));
  });
  it('changes when an item changes', () => {
    const a = input();
    const b = input();
    b.applications[0]!.documents[0]!.sha256 = h('d');
    expect(actBytes(canonicalAct(b))).not.toEqual(actBytes(canonicalAct(a)));
  });
  it('refuses a malformed hash and a duplicate application', () => {
    const a = input();
    a.applications[0]!.documents[0]!.sha256 = 'XYZ';
    expect(() => canonicalAct(a)).toThrow(RangeError);
    const b = input();
    b.applications[1]!.number = b.applications[0]!.number;
    expect(() => canonicalAct(b)).toThrow(RangeError);
  });
});

describe('renderTransferActPdf', () => {
  it.each(['kk', 'ru'] as const)('renders two copies in %s with the font embedded', async (locale) => {
    const bytes = await renderTransferActPdf(canonicalAct(input()), locale, {
      signatures: { akimat: { name: 'А. Әбдіқадыр', role: 'Маман', signedAt: new Date(), certificateSerial: '0A1B' } },
    });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getTitle()).toBe(locale === 'kk' ? 'Қабылдау-тапсыру актісі № ТА-2026-001' : 'Акт приема-передачи № ТА-2026-001');
    expect((await fontNames(pdf)).some((n) => n.includes('DejaVuSans'))).toBe(true);
  });
});

describe('renderIntakeRefusalPdf', () => {
  const base = {
    applicantName: 'Қ. Нұрлан',
    action: 'Тіркеу',
    legalBasis: 'Қағидалардың 8-тармағы',
    con: 'ХҚКО №1',
    worker: { name: 'Ә. Серік', role: 'Қызметкер' },
    at: new Date('2026-02-01T05:00:00Z'),
  };
  it('names the missing items through the given translator', async () => {
    const seen: string[] = [];
    const names = { kk: kk.Machinery.checklist, ru: ru.Machinery.checklist };
    for (const locale of ['kk', 'ru'] as const) {
      const bytes = await renderIntakeRefusalPdf(
        {
          ...base,
          kind: 'package_incomplete',
          missingItems: ['identity_document', 'machine_passport'],
          itemName: (c) => (seen.push(c), names[locale][c as keyof typeof names.kk]),
        },
        locale,
      );
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getTitle()).toBe(
        locale === 'kk' ? 'Құжаттарды қабылдаудан бас тарту туралы қолхат' : 'Расписка об отказе в приеме документов',
      );
    }
    expect(seen).toEqual(['identity_document', 'machine_passport', 'identity_document', 'machine_passport']);
  });
  it('renders a motivated refusal and refuses an empty missing list', async () => {
    const pdf = await PDFDocument.load(await renderIntakeRefusalPdf({ ...base, kind: 'biometrics_failed', itemName: String }, 'ru'));
    expect(pdf.getTitle()).toBe('Мотивированный отказ');
    expect(() => renderIntakeRefusalPdf({ ...base, kind: 'package_incomplete', missingItems: [], itemName: String }, 'kk')).toThrow(
      RangeError,
    );
  });
});
