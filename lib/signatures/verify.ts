// Verifying a detached CAdES-BES signature. A pure function: everything it trusts comes in the input
// (roots, intermediates, the revoked serials from the CRL table), so the same call re-verifies a stored
// signature on the public page years later with `at` set to the signing time.
//
// A CMS may carry several signers (NCALayer adds one per key, e.g. GOST and RSA): each is verified on its
// own and reported in `signers`; the top-level answer is the one the caller expects (`expectedSigner`, see
// chooseSigner), else the first.
//
// Each problem code is computed by its own check, so one broken thing yields one code:
//   malformed        not base64 / not DER / not a SignedData with signers / signer certificate or the
//                    contentType/messageDigest attributes missing (nothing else can be judged then);
//   unsupported_algorithm  the digest or signature algorithm is none of `algorithms` (NUC's GOST keys with
//                    the default RSA set): alone, because nothing else can be judged either — the person is
//                    told to sign with their RSA key rather than that the signature is false;
//   digest_mismatch  hash(data) ≠ the signed messageDigest attribute (the data was changed);
//   bad_signature    the signature over the signed attributes fails with the signer's key (attributes or
//                    signature bytes changed, or another key signed), or signingCertificateV2 names another
//                    certificate;
//   untrusted_chain  no path signer → intermediates/CMS certificates → one of trustedRoots, each link a
//                    CA whose key verifies the child's signature;
//   expired / not_yet_valid  `at` outside the validity of the signer or any certificate of the path;
//   wrong_key_usage  the signer certificate is not of the requested `purpose`: by default a signing one
//                    (digitalSignature + nonRepudiation, EKU emailProtection), so an authentication key
//                    signing a document fails; sign-in asks for 'authentication' (digitalSignature +
//                    keyEncipherment, EKU clientAuth), as NCALayer signs the challenge with the AUTH key;
//   revoked          the signer's or an intermediate's serial is in revokedSerials.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { defaultAlgorithms, type CmsVerifier, type SignatureAlgorithm } from './algorithm';
import { certificateDer, certificateToPem, fromBase64, normaliseSerial, parseDer, serialHex, toBytes } from './encoding';
import { MAX_CMS_CERTIFICATES, buildPath, parseAll } from './chain';
import { revocationOf, subjectDnOf, type CrlSnapshot, type RevocationStatus } from './crl-check';
import { fullNameOf, hasPurpose, parseSubject, subjectKeyId } from './names';
import { partyProblems } from './party';
import * as oid from './oids';

export type VerifyProblem =
  | 'bad_signature'
  | 'digest_mismatch'
  | 'untrusted_chain'
  | 'expired'
  | 'not_yet_valid'
  | 'revoked'
  | 'wrong_key_usage'
  | 'malformed'
  | 'unsupported_algorithm';

export interface VerifyCmsInput {
  cms: string; // base64 DER ContentInfo
  data: Uint8Array;
  trustedRoots: string[]; // PEM
  intermediates?: string[]; // PEM
  revokedSerials?: string[]; // hex, any case
  at?: Date;
  /** Which kind of NUC key must have signed: 'signing' (documents, the default) or 'authentication' (sign-in). */
  purpose?: 'signing' | 'authentication';
  /** Defaults to RSA PKCS#1 v1.5 with SHA-2; see algorithm.ts for plugging GOST in. */
  algorithms?: readonly SignatureAlgorithm[];
  /** CRLs of the issuing CAs, as cached by the CRL job (crl-cache.ts): NUC certificates are checked against them. */
  crls?: readonly CrlSnapshot[];
  /** The portal's own CAs (demo PKI, PEM): their certificates' revocation is the local table (`revokedSerials`). */
  localCas?: readonly string[];
  /** Who the pilot expects to have signed; picks the reported signer when the CMS has several. */
  expectedSigner?: { iin: string; bin?: string | null };
}

export interface SignerSummary {
  commonName: string;
  /** The name as the certificate states it: CN (SURNAME NAME) and GN (NUC's patronymic). */
  fullName: string;
  surname?: string;
  iin?: string;
  bin?: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** The signer certificate as found in the CMS, to be stored with the signature. */
  certificatePem: string;
  /** Which list answered "revoked?": the issuer's CRL (which, issued when), the portal's own table, or none. */
  revocation: RevocationStatus;
}

export interface SignerResult {
  valid: boolean;
  signer?: SignerSummary;
  problems: VerifyProblem[];
}

export interface VerifyCmsResult extends SignerResult {
  /** Every signer of the CMS in its order, each verified on its own; the top level is one of them. */
  signers: SignerResult[];
}

const ORDER: VerifyProblem[] = [
  'malformed',
  'unsupported_algorithm',
  'digest_mismatch',
  'bad_signature',
  'untrusted_chain',
  'expired',
  'not_yet_valid',
  'revoked',
  'wrong_key_usage',
];

const der = (value: { toSchema(): asn1js.AsnType }) => toBytes(value.toSchema().toBER(false));
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const attr = (si: pkijs.SignerInfo, type: string) => si.signedAttrs?.attributes.find((a) => a.type === type);

interface Parsed {
  signerInfo: pkijs.SignerInfo;
  signer: pkijs.Certificate;
  certificates: pkijs.Certificate[];
  messageDigest: Uint8Array;
}

/** The SignedData and its certificates; any failure here is `malformed` for the whole CMS. */
function parseSignedData(cms: string): { signedData: pkijs.SignedData; certificates: pkijs.Certificate[] } {
  const contentInfo = new pkijs.ContentInfo({ schema: parseDer(fromBase64(cms)) });
  if (contentInfo.contentType !== oid.OID_CT_SIGNED_DATA) throw new Error('not SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  if (!signedData.signerInfos.length || signedData.signerInfos.length > MAX_SIGNERS) throw new Error('no signer, or too many');
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  return { signedData, certificates };
}

/** Everything needed before any check of one signer can run; any failure here is `malformed` for that signer. */
async function parseSigner(signedData: pkijs.SignedData, certificates: pkijs.Certificate[], signerInfo: pkijs.SignerInfo): Promise<Parsed> {
  let signer: pkijs.Certificate | undefined;
  const sid: unknown = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    signer = certificates.find(
      (c) =>
        same(der(c.issuer), der(sid.issuer)) &&
        same(toBytes(c.serialNumber.valueBlock.valueHexView), toBytes(sid.serialNumber.valueBlock.valueHexView)),
    );
  } else if (sid instanceof asn1js.Primitive) {
    // [0] SubjectKeyIdentifier form, used by some producers instead of issuer + serial.
    const keyId = toBytes(sid.valueBlock.valueHexView);
    for (const c of certificates) if (!signer && same(await subjectKeyId(c), keyId)) signer = c;
  }
  if (!signer) throw new Error('signer certificate not in the CMS');
  // Each signed attribute type at most once (RFC 5652 §11): a second messageDigest must not shadow the first.
  const types = signerInfo.signedAttrs?.attributes.map((a) => a.type) ?? [];
  if (new Set(types).size !== types.length) throw new Error('duplicate signed attribute');
  const contentType = attr(signerInfo, oid.OID_ATTR_CONTENT_TYPE)?.values[0];
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== signedData.encapContentInfo.eContentType)
    throw new Error('bad contentType');
  const digestAttr = attr(signerInfo, oid.OID_ATTR_MESSAGE_DIGEST);
  const digest = digestAttr?.values[0];
  if (!(digest instanceof asn1js.OctetString) || digestAttr?.values.length !== 1) throw new Error('bad messageDigest');
  return { signerInfo, signer, certificates, messageDigest: toBytes(digest.valueBlock.valueHexView) };
}

/** RFC 5035: when present, the first ESSCertIDv2 must hash (SHA-256 unless stated) to the signer certificate. */
async function signingCertMatches(
  si: pkijs.SignerInfo,
  signer: pkijs.Certificate,
  algorithms: readonly SignatureAlgorithm[],
): Promise<boolean> {
  const value = attr(si, oid.OID_ATTR_SIGNING_CERT_V2)?.values[0];
  if (!value) return true; // Tolerated: CMS from other producers (e.g. NCALayer) may carry only the v1 attribute.
  const certId = ((value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as
    asn1js.Sequence | undefined;
  const parts = certId?.valueBlock.value ?? [];
  const hasAlg = parts[0] instanceof asn1js.Sequence;
  const digestOid = hasAlg ? new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId : oid.OID_SHA256;
  const certHash = parts[hasAlg ? 1 : 0];
  const alg = algorithms.find((a) => a.canDigest(digestOid));
  if (!(certHash instanceof asn1js.OctetString) || !alg) return false;
  return same(await alg.digest(digestOid, certificateDer(signer)), toBytes(certHash.valueBlock.valueHexView));
}

const MALFORMED: VerifyCmsResult = { valid: false, problems: ['malformed'], signers: [] };
// A real NUC CMS has one or two signers; more only costs verification time.
const MAX_SIGNERS = 4;

/** Never throws: whatever the input, the answer is a result (the last-resort answer is `malformed`). */
export async function verifyCms(input: VerifyCmsInput): Promise<VerifyCmsResult> {
  try {
    return await verifyParsed(input);
  } catch {
    return { ...MALFORMED, signers: [] };
  }
}

/**
 * Pure: the signer the top level reports. With an expected party, the first valid signer that is that party,
 * else the first that is that party (so its own problems are told), else the first; without one, the first.
 */
export function chooseSigner(signers: SignerResult[], expected?: { iin: string; bin?: string | null }): SignerResult | undefined {
  if (!expected) return signers[0];
  const theirs = signers.filter((s) => s.signer && partyProblems(s.signer, expected).length === 0);
  return theirs.find((s) => s.valid) ?? theirs[0] ?? signers[0];
}

async function verifyParsed(input: VerifyCmsInput): Promise<VerifyCmsResult> {
  const at = input.at ?? new Date();
  let parsed: ReturnType<typeof parseSignedData>;
  try {
    if (!(input.data instanceof Uint8Array) || Number.isNaN(at.getTime())) throw new Error('bad input');
    parsed = parseSignedData(input.cms);
  } catch {
    return { ...MALFORMED, signers: [] };
  }
  const signers: SignerResult[] = [];
  for (const signerInfo of parsed.signedData.signerInfos) {
    let one: Parsed | undefined;
    try {
      one = await parseSigner(parsed.signedData, parsed.certificates, signerInfo);
    } catch {
      signers.push({ valid: false, problems: ['malformed'] });
      continue;
    }
    signers.push(await verifySigner(one, input, at));
  }
  const chosen = chooseSigner(signers, input.expectedSigner)!;
  return { ...chosen, signers };
}

function summaryOf(signer: pkijs.Certificate, input: VerifyCmsInput, at: Date): SignerSummary {
  const subject = parseSubject(signer);
  return {
    commonName: subject.commonName,
    fullName: fullNameOf(subject),
    ...(subject.surname ? { surname: subject.surname } : {}),
    ...(subject.iin ? { iin: subject.iin } : {}),
    ...(subject.bin ? { bin: subject.bin } : {}),
    serialNumber: serialHex(signer),
    notBefore: signer.notBefore.value.toISOString(),
    notAfter: signer.notAfter.value.toISOString(),
    certificatePem: certificateToPem(signer),
    revocation: revocationOf(signer, {
      crls: input.crls,
      localIssuerDns: (input.localCas ?? []).map(subjectDnOf),
      localRevoked: new Set((input.revokedSerials ?? []).filter((x) => typeof x === 'string').map(normaliseSerial)),
      at,
    }),
  };
}

async function verifySigner(parsed: Parsed, input: VerifyCmsInput, at: Date): Promise<SignerResult> {
  const algorithms = input.algorithms ?? defaultAlgorithms;
  const { signerInfo, signer, certificates, messageDigest } = parsed;
  const summary = summaryOf(signer, input, at);
  const digestOid = signerInfo.digestAlgorithm.algorithmId;
  const signatureOid = signerInfo.signatureAlgorithm.algorithmId;
  const digester = algorithms.find((a) => a.canDigest(digestOid));
  const alg = algorithms.find((a) => a.canVerify(signatureOid, digestOid));
  // An algorithm we cannot check is never accepted, and said as such (not as a false signature).
  if (!digester || !alg) return { valid: false, signer: summary, problems: ['unsupported_algorithm'] };

  const problems = new Set<VerifyProblem>();
  const check = async (code: VerifyProblem, ok: () => Promise<boolean> | boolean) => {
    try {
      if (!(await ok())) problems.add(code);
    } catch {
      problems.add(code);
    }
  };

  await check('digest_mismatch', async () => same(await digester.digest(digestOid, input.data), messageDigest));

  await check('bad_signature', async () => {
    if (!signerInfo.signedAttrs) return false;
    const ok = await alg.verify({
      signatureOid,
      digestOid,
      publicKeyInfo: der(signer.subjectPublicKeyInfo),
      data: toBytes(signerInfo.signedAttrs.encodedValue),
      signature: toBytes(signerInfo.signature.valueBlock.valueHexView),
    });
    return ok && (await signingCertMatches(signerInfo, signer, algorithms));
  });

  // The configured intermediates, then at most a few of the certificates the signer sent (a real chain has one or two).
  const carried = certificates.filter((c) => c !== signer).slice(0, MAX_CMS_CERTIFICATES);
  const pool = [...parseAll(input.intermediates), ...carried];
  const path = await buildPath(signer, pool, parseAll(input.trustedRoots), algorithms).catch(() => undefined);
  if (!path) problems.add('untrusted_chain');

  for (const cert of path ?? [signer]) {
    if (at < cert.notBefore.value) problems.add('not_yet_valid');
    if (at > cert.notAfter.value) problems.add('expired');
  }

  await check('wrong_key_usage', () => hasPurpose(signer, input.purpose ?? 'signing'));

  const revoked = new Set((input.revokedSerials ?? []).filter((x) => typeof x === 'string').map(normaliseSerial));
  // The signer and the intermediates that vouch for it; roots are not revoked through this list.
  const revocable = path ? path.slice(0, -1) : [signer];
  if (revocable.some((c) => revoked.has(normaliseSerial(serialHex(c))))) problems.add('revoked');
  if (summary.revocation.status === 'revoked') problems.add('revoked');

  const list = ORDER.filter((p) => problems.has(p));
  return { valid: list.length === 0, signer: summary, problems: list };
}

/** The default CmsVerifier (local pkijs + WebCrypto, RSA); an NCANode-backed one implements the same interface. */
export const pkijsCmsVerifier: CmsVerifier = { name: 'pkijs-rsa', verify: verifyCms };
