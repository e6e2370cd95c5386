import { describe, expect, it } from 'vitest';
import { checkUpload, sniffContentType } from '@/lib/files/sniff';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0]);

describe('sniffContentType', () => {
  it('recognises PDF, JPEG and PNG by their bytes', () => {
    expect(sniffContentType(pdf)).toBe('application/pdf');
    expect(sniffContentType(jpeg)).toBe('image/jpeg');
    expect(sniffContentType(png)).toBe('image/png');
  });
  it('refuses anything else, and truncated signatures', () => {
    expect(sniffContentType(exe)).toBeNull();
    expect(sniffContentType(new TextEncoder().encode('<html>'))).toBeNull();
    expect(sniffContentType(png.slice(0, 7))).toBeNull();
    expect(sniffContentType(new Uint8Array())).toBeNull();
  });
});

describe('checkUpload', () => {
  const opts = { maxBytes: 8, allowed: ['image/jpeg', 'image/png'] as const };
  it('accepts an allowed type at exactly the size limit', () => expect(checkUpload(new Uint8Array([...jpeg, 0, 0]), opts)).toBeNull());
  it('refuses one byte over the limit', () => expect(checkUpload(png, opts)).toBe('file_too_large'));
  it('refuses an empty file', () => expect(checkUpload(new Uint8Array(), opts)).toBe('file_empty'));
  it('refuses a type that is real but not allowed here', () => expect(checkUpload(pdf, opts)).toBe('file_type_not_allowed'));
  it('refuses unknown content', () => expect(checkUpload(exe, opts)).toBe('file_type_not_allowed'));
});
