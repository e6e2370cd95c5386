// Issue 16: a production start refuses what a second web process could not share with the first.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isActionKey, parseConfig, productionProblems } from '@/lib/config';

const secret = 'x'.repeat(32);
const key = randomBytes(32).toString('base64');
const prod = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://qyzmet@db.internal:5432/qyzmet',
  QYZMET_PUBLIC_URL: 'https://qyzmet.gov.kz',
  AUTH_SECRET: secret,
  PAYMENT_GATEWAY_SECRET: secret,
  REGISTRIES: 'egov',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key,
};

describe('production start and scale-out', () => {
  it('everything shared: no problem', () => {
    expect(productionProblems(parseConfig(prod))).toEqual([]);
  });
  it('refuses a missing or malformed server-actions key', () => {
    const without = { ...prod, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: undefined };
    expect(productionProblems(parseConfig(without))).toEqual([expect.stringMatching(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY/)]);
    for (const bad of ['short', randomBytes(16).toString('base64'), randomBytes(32).toString('base64url')])
      expect(productionProblems(parseConfig({ ...prod, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: bad })).join()).toMatch(/NEXT_SERVER_ACTIONS/);
  });
  it('refuses uploads kept on one machine', () => {
    expect(productionProblems(parseConfig({ ...prod, FILE_STORE: 'disk' }))).toEqual([expect.stringMatching(/FILE_STORE=disk/)]);
    expect(productionProblems(parseConfig({ ...prod, FILE_STORE: 'db' }))).toEqual([]);
  });
  it('refuses a missing AUTH_SECRET or payment secret (each process signs and checks with them)', () => {
    expect(productionProblems(parseConfig({ ...prod, AUTH_SECRET: undefined })).join()).toMatch(/AUTH_SECRET/);
    expect(productionProblems(parseConfig({ ...prod, PAYMENT_GATEWAY_SECRET: undefined })).join()).toMatch(/PAYMENT_GATEWAY_SECRET/);
  });
  it('a key is base64 of exactly 32 bytes', () => {
    expect(isActionKey(key)).toBe(true);
    expect(isActionKey(undefined)).toBe(false);
    expect(isActionKey(`${key.slice(0, -1)}`)).toBe(false);
  });
});
