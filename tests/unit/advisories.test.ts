// The offline dependency check (issue 14): a lock with a vulnerable production version fails, a fixed one passes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { advisoryListSchema, findVulnerable, npmAuditHighCount, packageNameOf, type Lock } from '@/scripts/advisories/check';

const list = advisoryListSchema.parse({
  advisories: [
    { id: 'GHSA-5gfm-wpxj-wjgq', package: 'node-forge', vulnerable: '<1.3.2', severity: 'high' },
    { id: 'GHSA-test-crit', package: '@scope/lib', vulnerable: '>=2.0.0 <2.4.1', severity: 'critical' },
    { id: 'GHSA-test-mod', package: 'left-pad', vulnerable: '*', severity: 'moderate' },
  ],
});

const lock = (packages: Lock['packages']): Lock => ({ lockfileVersion: 3, packages: { '': { version: '0.1.0' }, ...packages } });

describe('findVulnerable', () => {
  it('a production package at a vulnerable version fails the check', () => {
    const found = findVulnerable(lock({ 'node_modules/node-forge': { version: '1.3.1' } }), list);
    expect(found).toEqual([
      { id: 'GHSA-5gfm-wpxj-wjgq', package: 'node-forge', version: '1.3.1', severity: 'high', path: 'node_modules/node-forge' },
    ]);
  });

  it('the fixed version passes, at the boundary', () => {
    expect(findVulnerable(lock({ 'node_modules/node-forge': { version: '1.3.2' } }), list)).toEqual([]);
    expect(findVulnerable(lock({ 'node_modules/@scope/lib': { version: '2.4.1' } }), list)).toEqual([]);
    expect(findVulnerable(lock({ 'node_modules/@scope/lib': { version: '2.4.0' } }), list)).toHaveLength(1);
    expect(findVulnerable(lock({ 'node_modules/@scope/lib': { version: '1.9.9' } }), list)).toEqual([]);
  });

  it('finds a nested copy, and a prerelease inside the range', () => {
    const found = findVulnerable(lock({ 'node_modules/a/node_modules/@scope/lib': { version: '2.1.0-rc.1' } }), list);
    expect(found.map((f) => [f.package, f.path])).toEqual([['@scope/lib', 'node_modules/a/node_modules/@scope/lib']]);
  });

  it('like --omit=dev: a dev-only copy does not count unless asked; like --audit-level=high: moderate does not count', () => {
    const l = lock({ 'node_modules/node-forge': { version: '1.0.0', dev: true }, 'node_modules/left-pad': { version: '1.0.0' } });
    expect(findVulnerable(l, list)).toEqual([]);
    expect(findVulnerable(l, list, { includeDev: true }).map((f) => f.id)).toEqual(['GHSA-5gfm-wpxj-wjgq']);
    expect(findVulnerable(l, list, { minSeverity: 'moderate' }).map((f) => f.id)).toEqual(['GHSA-test-mod']);
  });

  it('the committed list parses, and the repository’s own lock passes it', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const committed = advisoryListSchema.parse(JSON.parse(readFileSync(path.join(root, 'security/advisories.json'), 'utf8')));
    expect(committed.advisories.length).toBeGreaterThan(0);
    const own = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Lock;
    expect(findVulnerable(own, committed)).toEqual([]);
  });
});

describe('helpers', () => {
  it('names the package a lock path installs', () => {
    expect(packageNameOf('node_modules/a/node_modules/@s/b')).toBe('@s/b');
    expect(packageNameOf('')).toBeNull();
  });

  it('reads npm audit --json, and says null when the endpoint did not answer', () => {
    expect(npmAuditHighCount(JSON.stringify({ metadata: { vulnerabilities: { low: 3, high: 1, critical: 2 } } }))).toBe(3);
    expect(npmAuditHighCount(JSON.stringify({ message: '405 Method Not Allowed', error: {} }))).toBeNull();
    expect(npmAuditHighCount('npm error audit endpoint returned an error')).toBeNull();
  });
});
