'use client';

import { canonicalBytes } from '@/lib/signatures/canonical';
import { toBase64 } from '@/lib/signatures/encoding';
import { parseSubject, purposeOf } from '@/lib/signatures/names';
import { partyProblems } from '@/lib/signatures/party';
import { signWithNcaLayer, NcaLayerError } from '@/lib/signatures/ncalayer';
import { Pkcs12Error, importPkcs12, type Pkcs12ErrorCode } from '@/lib/signatures/pkcs12';
import { importPrivateKey, signDetachedCms } from '@/lib/signatures/sign';
import { SigningError } from './signing-error';

export { SigningError };

export type Purpose = 'signing' | 'authentication';

const KEY_FILE_ERRORS: Partial<Record<Pkcs12ErrorCode, string>> = {
  bad_password: 'eds_wrong_password',
  unsupported_key: 'eds_key_type_unsupported',
};

/**
 * Signs a document in the browser with a PKCS#12 key file: the file and password never leave the page, only
 * the CMS does. The key in the file must be for the purpose asked (a signing key cannot sign in, and back) and,
 * when the signer is known, belong to them — said here at once, before the server would refuse it anyway.
 */
export async function signWithKeyFile(
  file: File,
  password: string,
  document: unknown,
  purpose: Purpose,
  signer?: { iin: string; bin?: string | null },
): Promise<string> {
  let contents;
  try {
    contents = await importPkcs12(new Uint8Array(await file.arrayBuffer()), password);
  } catch (e) {
    if (e instanceof Pkcs12Error) throw new SigningError(KEY_FILE_ERRORS[e.code] ?? 'eds_not_a_key_file');
    throw new SigningError('eds_not_a_key_file');
  }
  if (purposeOf(contents.certPem) !== purpose) throw new SigningError(purpose === 'signing' ? 'eds_need_signing_key' : 'eds_need_auth_key');
  const [mismatch] = signer ? partyProblems(parseSubject(contents.certPem), signer) : [];
  if (mismatch) throw new SigningError(`signature_${mismatch}`);
  const privateKey = await importPrivateKey(contents.keyPkcs8Der);
  return signDetachedCms({ data: canonicalBytes(document), certPem: contents.certPem, privateKey, chainPems: contents.chainPems });
}

/** The same through NCALayer: it shows its own key picker and password dialog. */
export async function signWithNcaLayerApp(
  document: unknown,
  purpose: Purpose,
  locale: 'kk' | 'ru',
  filter: { iin?: string; bin?: string } = {},
): Promise<string> {
  try {
    return await signWithNcaLayer({ dataBase64: toBase64(canonicalBytes(document)), purpose, locale, ...filter });
  } catch (e) {
    throw new SigningError(e instanceof NcaLayerError ? e.code : 'ncalayer_failed');
  }
}
