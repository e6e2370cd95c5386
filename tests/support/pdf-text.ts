// Reads back the text a PDF made by lib/pdf/document.ts shows, page by page: its fonts are embedded subsets, so a
// string in a content stream is glyph ids (`<00410042> Tj`) and only each font's ToUnicode map says which letters
// they are. Enough for pdf-lib's own output (bfchar maps, hex strings), which is all the tests need.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream, type PDFObject } from 'pdf-lib';

const decoder = new TextDecoder();

function streamText(doc: PDFDocument, obj: PDFObject | undefined): string {
  const o = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
  if (o instanceof PDFRawStream) return decoder.decode(decodePDFRawStream(o).decode());
  if (o instanceof PDFArray)
    return o
      .asArray()
      .map((x) => streamText(doc, x))
      .join('\n');
  return '';
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function toUnicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, gid, uni] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(gid!.toLowerCase(), utf16(uni!));
  return map;
}

/** The text of each page, lines in drawing order (one `Tj` a line). */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'));
    if (fontDict instanceof PDFDict)
      for (const [name, ref] of fontDict.entries()) {
        const font = doc.context.lookup(ref);
        if (font instanceof PDFDict) fonts.set(name.asString(), toUnicodeMap(streamText(doc, font.get(PDFName.of('ToUnicode')))));
      }
    const content = streamText(doc, page.node.get(PDFName.of('Contents')));
    const lines: string[] = [];
    let current = new Map<string, string>();
    for (const m of content.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (m[1]) current = fonts.get(m[1]) ?? new Map();
      else {
        const hex = m[2]!.toLowerCase();
        let line = '';
        for (let i = 0; i < hex.length; i += 4) line += current.get(hex.slice(i, i + 4)) ?? '\uFFFD';
        lines.push(line);
      }
    }
    return lines.join('\n');
  });
}
