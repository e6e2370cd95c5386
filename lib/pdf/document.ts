// A small, generic PDF writer for printable documents (acts, refusals): A4 pages, a title, word-wrapped
// paragraphs, simple tables with a header row and wrapped cells, and a footer with page numbers.
// pdf-lib writes the PDF; the text is set in DejaVu Sans, embedded (subset) through fontkit, because the
// 14 standard PDF fonts have no Cyrillic, let alone the Kazakh letters ә ғ қ ң ө ұ ү һ і.
// The TTF files are read at run time from node_modules (dejavu-fonts-ttf), so no binary lives in the repo.
// Pure apart from reading those two font files once per process.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

// Resolved at run time: given the constant paths, Turbopack would try to bundle the TTFs as modules and fail the build.
const resolveFont = (file: string) => require.resolve(/* turbopackIgnore: true */ file);

let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

/** The TTF bytes of the document font (regular and bold), read once from node_modules. */
export function loadFontBytes(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  fontBytes ??= Promise.all([readFile(resolveFont(FONT_FILES.regular)), readFile(resolveFont(FONT_FILES.bold))]).then(
    ([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }),
  );
  fontBytes.catch(() => {
    fontBytes = undefined; // a failed read is retried next time rather than cached
  });
  return fontBytes;
}

// A4 in points.
export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 50;
const FOOTER_SPACE = 30;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

export type TableColumn = { header: string; /** relative width */ weight?: number };

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; size?: number }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] }
  | { kind: 'spacer'; height: number }
  | { kind: 'pageBreak' };

export type DocumentSpec = {
  /** The document title metadata (and nothing else: put a `title` block for the visible one). */
  title: string;
  language: 'kk' | 'ru';
  subject?: string;
  blocks: Block[];
  /** The footer text of page `page` of `total`, e.g. `${page} / ${total}`. */
  footer?: (page: number, total: number) => string;
  /** Fixed dates make the bytes reproducible in tests. */
  createdAt?: Date;
};

/** Splits `text` into lines no wider than `width` at `size`; words longer than a line are broken. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

class Layout {
  page!: PDFPage;
  y = 0;
  readonly width = A4.width - 2 * MARGIN;

  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER_SPACE) this.newPage();
  }

  text(text: string, opts: { font: PDFFont; size: number; center?: boolean; gapAfter?: number }): void {
    const lineHeight = opts.size * 1.3;
    for (const line of wrapText(text, opts.font, opts.size, this.width)) {
      this.ensure(lineHeight);
      const w = opts.font.widthOfTextAtSize(line, opts.size);
      const x = opts.center ? MARGIN + (this.width - w) / 2 : MARGIN;
      this.page.drawText(line, { x, y: this.y - opts.size, size: opts.size, font: opts.font, color: BLACK });
      this.y -= lineHeight;
    }
    this.y -= opts.gapAfter ?? 0;
  }

  table(columns: TableColumn[], rows: string[][]): void {
    const size = 9;
    const pad = 3;
    const lineHeight = size * 1.25;
    const total = columns.reduce((s, c) => s + (c.weight ?? 1), 0);
    const widths = columns.map((c) => ((c.weight ?? 1) / total) * this.width);
    const drawRow = (cells: string[], font: PDFFont) => {
      const wrapped = widths.map((w, i) => wrapText(cells[i] ?? '', font, size, w - 2 * pad));
      const height = Math.max(...wrapped.map((l) => l.length)) * lineHeight + 2 * pad;
      return { wrapped, height, font };
    };
    const header = drawRow(
      columns.map((c) => c.header),
      this.bold,
    );
    const paint = (row: ReturnType<typeof drawRow>) => {
      let x = MARGIN;
      row.wrapped.forEach((lines, i) => {
        const w = widths[i]!;
        this.page.drawRectangle({ x, y: this.y - row.height, width: w, height: row.height, borderColor: GREY, borderWidth: 0.5 });
        lines.forEach((line, j) => {
          this.page.drawText(line, { x: x + pad, y: this.y - pad - (j + 1) * lineHeight + 2, size, font: row.font, color: BLACK });
        });
        x += w;
      });
      this.y -= row.height;
    };
    // A table of label–value pairs has no header row: all headers empty means none is drawn.
    const headed = columns.some((c) => c.header);
    if (headed) {
      this.ensure(header.height);
      paint(header);
    }
    for (const cells of rows) {
      const row = drawRow(cells, this.regular);
      if (this.y - row.height < MARGIN + FOOTER_SPACE) {
        this.newPage();
        if (headed) paint(header); // the header row repeats on each page the table spans
      }
      paint(row);
    }
    this.y -= 8;
  }
}

/** Renders `spec` to PDF bytes. */
export async function renderDocument(spec: DocumentSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = await loadFontBytes();
  const regular = await doc.embedFont(bytes.regular, { subset: true });
  const bold = await doc.embedFont(bytes.bold, { subset: true });

  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  doc.setLanguage(spec.language);
  if (spec.subject) doc.setSubject(spec.subject);
  doc.setProducer('Qyzmet');
  doc.setCreator('Qyzmet');
  const at = spec.createdAt ?? new Date();
  doc.setCreationDate(at);
  doc.setModificationDate(at);

  const layout = new Layout(doc, regular, bold);
  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'title':
        layout.text(block.text, { font: bold, size: 14, center: true, gapAfter: 10 });
        break;
      case 'heading':
        layout.ensure(40); // keep a heading with at least a line or two of what follows
        layout.text(block.text, { font: bold, size: 11, gapAfter: 4 });
        break;
      case 'paragraph':
        layout.text(block.text, { font: block.bold ? bold : regular, size: block.size ?? 10, gapAfter: 4 });
        break;
      case 'table':
        layout.table(block.columns, block.rows);
        break;
      case 'spacer':
        layout.y -= block.height;
        break;
      case 'pageBreak':
        layout.newPage();
        break;
    }
  }

  const pages = doc.getPages();
  if (spec.footer) {
    pages.forEach((page, i) => {
      const text = spec.footer!(i + 1, pages.length);
      const w = regular.widthOfTextAtSize(text, 8);
      page.drawText(text, { x: (A4.width - w) / 2, y: MARGIN / 2, size: 8, font: regular, color: GREY });
    });
  }
  return doc.save();
}
