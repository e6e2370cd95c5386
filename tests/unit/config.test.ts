// The configuration module (issue 14): one parse of the environment, the public URL from configuration only, and
// the list of settings a production start refuses.
import { describe, expect, it } from 'vitest';
import { isLocalDatabase, parseConfig, productionProblems, publicUrl } from '@/lib/config';

const secret = 'x'.repeat(32);
const prod = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://qyzmet@db.internal:5432/qyzmet',
  QYZMET_PUBLIC_URL: 'https://qyzmet.gov.kz',
  AUTH_SECRET: secret,
  PAYMENT_GATEWAY_SECRET: secret,
  REGISTRIES: 'egov',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: `${'A'.repeat(43)}=`,
};

describe('parseConfig', () => {
  it('names every malformed variable', () => {
    expect(() => parseConfig({ DEMO_MODE: 'yes', QYZMET_PUBLIC_URL: 'ftp://x', PORT: '0' })).toThrow(/DEMO_MODE.*QYZMET_PUBLIC_URL.*PORT/);
  });
  it('defaults: development, the simulator, port 3000', () => {
    expect(parseConfig({})).toMatchObject({ NODE_ENV: 'development', REGISTRIES: 'simulator', PORT: 3000 });
  });
});

describe('publicUrl: configuration, never the request', () => {
  it('the configured origin without a trailing slash', () => {
    expect(publicUrl(parseConfig({ QYZMET_PUBLIC_URL: 'https://qyzmet.gov.kz/' }))).toBe('https://qyzmet.gov.kz');
  });
  it('in demo mode without one: the local port', () => {
    expect(publicUrl(parseConfig({ DEMO_MODE: '1', PORT: '3130' }))).toBe('http://localhost:3130');
  });
  it('outside demo mode without one: an error, not a guess', () => {
    expect(() => publicUrl(parseConfig({}))).toThrow(/QYZMET_PUBLIC_URL/);
  });
});

describe('productionProblems', () => {
  it('a complete production configuration starts', () => {
    expect(productionProblems(parseConfig(prod))).toEqual([]);
  });
  it('lists each insecure setting', () => {
    const problems = productionProblems(
      parseConfig({
        NODE_ENV: 'production',
        QYZMET_INSECURE_COOKIES: '1',
        AUTH_SECRET: 'short',
        QYZMET_PUBLIC_URL: 'http://qyzmet.gov.kz',
      }),
    );
    expect(problems.join('\n')).toMatch(/QYZMET_PUBLIC_URL must be an https/);
    expect(problems.join('\n')).toMatch(/AUTH_SECRET/);
    expect(problems.join('\n')).toMatch(/PAYMENT_GATEWAY_SECRET/);
    expect(problems.join('\n')).toMatch(/QYZMET_INSECURE_COOKIES/);
    expect(problems.join('\n')).toMatch(/REGISTRIES=simulator/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
  });
  it('the simulated gateway is refused in production', () => {
    expect(productionProblems(parseConfig({ ...prod, REGISTRIES: 'simulator' }))).toEqual([expect.stringMatching(/simulat/)]);
  });
  it('demo mode runs on a local database, never on another host', () => {
    expect(
      productionProblems(parseConfig({ NODE_ENV: 'production', DEMO_MODE: '1', DATABASE_URL: 'postgres://p@127.0.0.1:5433/q' })),
    ).toEqual([]);
    expect(productionProblems(parseConfig({ ...prod, DEMO_MODE: '1' }))).toEqual([expect.stringMatching(/DEMO_MODE=1/)]);
    expect(isLocalDatabase('postgres://u@localhost/q')).toBe(true);
    expect(isLocalDatabase('postgres://u@10.0.0.5/q')).toBe(false);
  });
  it('development and test builds are not checked', () => {
    expect(productionProblems(parseConfig({ NODE_ENV: 'test' }))).toEqual([]);
  });
});
