// Object identifiers used by the demo PKI, the signer and the verifier, in one place so they cannot drift.

// Subject attribute types (X.520).
export const OID_CN = '2.5.4.3';
export const OID_SERIAL_NUMBER = '2.5.4.5';
export const OID_COUNTRY = '2.5.4.6';
export const OID_ORGANISATION = '2.5.4.10';
export const OID_ORG_UNIT = '2.5.4.11';
export const OID_GIVEN_NAME = '2.5.4.42';
export const OID_SURNAME = '2.5.4.4';

// Certificate extensions (RFC 5280).
export const OID_SUBJECT_KEY_ID = '2.5.29.14';
export const OID_KEY_USAGE = '2.5.29.15';
export const OID_BASIC_CONSTRAINTS = '2.5.29.19';
export const OID_CERT_POLICIES = '2.5.29.32';
export const OID_AUTHORITY_KEY_ID = '2.5.29.35';
export const OID_EXT_KEY_USAGE = '2.5.29.37';

// Extended key usages. NUC signing certificates carry emailProtection; authentication ones clientAuth.
export const EKU_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
export const EKU_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

// NUC subject-role OIDs. Real NUC certificates put these in the EKU list next to the usage above;
// the demo PKI also repeats them as certificate policies, and the readers here accept either place.
export const NUC_INDIVIDUAL = '1.2.398.3.3.4.1.1';
export const NUC_LEGAL_ENTITY = '1.2.398.3.3.4.1.2';
export const NUC_LEGAL_HEAD = '1.2.398.3.3.4.1.2.1';
export const NUC_LEGAL_SIGNER = '1.2.398.3.3.4.1.2.2';

// Key usage bits, numbered as in RFC 5280 (bit 0 is the most significant bit of the first byte).
export const KU_DIGITAL_SIGNATURE = 0;
export const KU_NON_REPUDIATION = 1;
export const KU_KEY_ENCIPHERMENT = 2;
export const KU_KEY_AGREEMENT = 4;
export const KU_KEY_CERT_SIGN = 5;
export const KU_CRL_SIGN = 6;

// CMS (RFC 5652) and CAdES / ESS (RFC 5035).
export const OID_CT_DATA = '1.2.840.113549.1.7.1';
export const OID_CT_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_ATTR_CONTENT_TYPE = '1.2.840.113549.1.9.3';
export const OID_ATTR_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
export const OID_ATTR_SIGNING_TIME = '1.2.840.113549.1.9.5';
export const OID_ATTR_SIGNING_CERT_V2 = '1.2.840.113549.1.9.16.2.47';

// Digests and RSA signature algorithms.
export const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
export const OID_SHA384 = '2.16.840.1.101.3.4.2.2';
export const OID_SHA512 = '2.16.840.1.101.3.4.2.3';
export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
export const OID_SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
export const OID_SHA384_WITH_RSA = '1.2.840.113549.1.1.12';
export const OID_SHA512_WITH_RSA = '1.2.840.113549.1.1.13';

// Kazakhstan GOST (NUC): 34.310-2004 keys 1.2.398.3.10.1.1.1.*, 34.10-2015 keys 1.2.398.3.10.1.1.2.*,
// digests 1.2.398.3.10.1.3.*. No verifier for them is installed (see algorithm.ts).
export const OID_GOST_2015_KEY_PREFIX = '1.2.398.3.10.1.1.2.';

// PKCS#12 bag attributes.
export const OID_FRIENDLY_NAME = '1.2.840.113549.1.9.20';
export const OID_LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
export const OID_PKCS8_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
export const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3';
