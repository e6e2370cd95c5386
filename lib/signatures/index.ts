// Public API of the EDS (electronic digital signature) module, SPEC §2.3.
// Browser-safe entry points: canonical, names, sign, pkcs12 (WebCrypto + pkijs only). pki.ts and
// verify.ts are also free of Node imports, but are meant for the server, seeding and tests.
export { canonicalBytes, canonicalJson, CanonicalJsonError, sha256Hex, type JsonValue } from './canonical';
export { derToPem, fromBase64, pemToDer, toBase64, type CertificateInput } from './encoding';
export {
  certificatePolicies,
  extendedKeyUsages,
  fullNameOf,
  hasPurpose,
  isCaCertificate,
  isLegalEntityCert,
  keyUsageBits,
  parseSubject,
  purposeOf,
  subjectKeyId,
  type CertificatePurpose,
  type SubjectInfo,
} from './names';
export {
  createIntermediateCa,
  createRootCa,
  issuePersonCertificates,
  type CaOptions,
  type CertificateAuthority,
  type IssuedCertificate,
  type PersonCertificates,
  type PersonOptions,
} from './pki';
export { exportPkcs12, importPkcs12, Pkcs12Error, type Pkcs12Contents, type Pkcs12ErrorCode, type Pkcs12ExportInput } from './pkcs12';
export { importPrivateKey, signDetachedCms, type SignDetachedInput } from './sign';
export { defaultAlgorithms, rsaPkcs1Sha2, type CmsVerifier, type SignatureAlgorithm, type SignatureCheck } from './algorithm';
export {
  chooseSigner,
  pkijsCmsVerifier,
  verifyCms,
  type SignerResult,
  type SignerSummary,
  type VerifyCmsInput,
  type VerifyCmsResult,
  type VerifyProblem,
} from './verify';
export { CrlError, crlDistributionPoints, parseCrl, revocationOf, type CrlSnapshot, type RevocationStatus } from './crl-check';
export * as oids from './oids';
