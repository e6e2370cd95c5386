// The two legacy PKCS#12 PBE schemes (RFC 7292 appendix C) NUC key files use, in a module of their own so
// that pkcs12.ts can recognise them without loading node-forge.
export const OID_PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';
export const OID_PBE_SHA1_RC2_40 = '1.2.840.113549.1.12.1.6';

export const isLegacyPbe = (oid: string) => oid === OID_PBE_SHA1_3DES || oid === OID_PBE_SHA1_RC2_40;
