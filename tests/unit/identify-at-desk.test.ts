// The one desk identification of the CON pilots (machinery intake p.6 (1), residence p.7), against fake registries.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identifyAtDesk, normalizeDocumentNumber } from '@/lib/applications/identify-at-desk';
import type { Registries } from '@/lib/registries';

const person = { iin: '900101300123', deceased: false } as never;
function fakes(known: boolean, passed: boolean | null) {
  const asked: { doc?: string; sample?: { bytes: Uint8Array; mimeType: string } } = {};
  const registries = {
    gbdFl: { findPersonByDocument: async (doc: string) => ((asked.doc = doc), known ? person : null) },
    digitalId: {
      verifySample: async (_iin: string, sample: { bytes: Uint8Array; mimeType: string }) => (
        (asked.sample = sample),
        passed === null ? null : { passed }
      ),
    },
  } as unknown as Pick<Registries, 'gbdFl' | 'digitalId'>;
  return { registries, asked };
}

describe('identifyAtDesk', () => {
  it('finds the person by the document number as printed (spaces, case); Digital ID gets the sample, only its SHA-256 is kept', async () => {
    const { registries, asked } = fakes(true, true);
    const sample = new Uint8Array([1, 2, 3]);
    const found = await identifyAtDesk(registries, ' n 0123 4567 ', sample);
    expect(asked.doc).toBe('N01234567');
    expect(found).toMatchObject({ person, documentNumber: 'N01234567', biometrics: { passed: true } });
    expect(found!.biometrics.sampleSha256).toBe(createHash('sha256').update(sample).digest('hex'));
    expect(Buffer.from(asked.sample!.bytes).equals(Buffer.from(sample))).toBe(true);
    expect(JSON.stringify(found)).not.toContain('"bytes"');
  });
  it('a failed check is passed: false, not null; no sample → a simulated capture, still hashed', async () => {
    const found = await identifyAtDesk(fakes(true, false).registries, 'N1');
    expect(found?.biometrics.passed).toBe(false);
    expect(found?.biometrics.sampleSha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('null when GBD FL has no such document or Digital ID no such person', async () => {
    expect(await identifyAtDesk(fakes(false, true).registries, 'N1')).toBeNull();
    expect(await identifyAtDesk(fakes(true, null).registries, 'N1')).toBeNull();
  });
  it('normalizeDocumentNumber', () => expect(normalizeDocumentNumber('\tab 12\n')).toBe('AB12'));
});
