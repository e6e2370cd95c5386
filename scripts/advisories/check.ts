// The offline dependency check (issue 14): the production packages of package-lock.json against a committed list of
// advisories (security/advisories.json), for when the registry's audit endpoint cannot be reached. Pure: the lock
// and the list are passed in. It knows only the advisories in the list — see the README, "Security".
import { satisfies, valid } from 'semver';
import { z } from 'zod';

export const severities = ['low', 'moderate', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

export const advisoryListSchema = z.object({
  advisories: z.array(
    z.object({
      id: z.string().min(1),
      package: z.string().min(1),
      vulnerable: z.string().min(1),
      severity: z.enum(severities),
      title: z.string().optional(),
    }),
  ),
});
export type AdvisoryList = z.infer<typeof advisoryListSchema>;

/** The part of a lockfile (v2/v3) read here: every installed copy of every package, with its dev flag. */
export const lockSchema = z.object({
  lockfileVersion: z.number().int().min(2),
  packages: z.record(z.string(), z.object({ version: z.string().optional(), dev: z.boolean().optional(), name: z.string().optional() })),
});
export type Lock = z.infer<typeof lockSchema>;

export type Finding = { id: string; package: string; version: string; severity: Severity; path: string; title?: string };

/** `node_modules/a/node_modules/@s/b` → `@s/b`: the package a lock entry installs. */
export function packageNameOf(lockPath: string): string | null {
  const i = lockPath.lastIndexOf('node_modules/');
  return i < 0 ? null : lockPath.slice(i + 'node_modules/'.length) || null;
}

/**
 * Every installed copy (not the root, not dev-only copies unless `includeDev`) whose version falls in an advisory's
 * range at `minSeverity` or above, like `npm audit --omit=dev --audit-level=high`.
 */
export function findVulnerable(lock: Lock, list: AdvisoryList, options: { minSeverity?: Severity; includeDev?: boolean } = {}): Finding[] {
  const min = severities.indexOf(options.minSeverity ?? 'high');
  const byPackage = new Map<string, AdvisoryList['advisories']>();
  for (const a of list.advisories)
    if (severities.indexOf(a.severity) >= min) byPackage.set(a.package, [...(byPackage.get(a.package) ?? []), a]);
  const findings: Finding[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || (entry.dev && !options.includeDev)) continue;
    const name = entry.name ?? packageNameOf(path);
    const version = entry.version && valid(entry.version);
    if (!name || !version) continue;
    for (const a of byPackage.get(name) ?? [])
      if (satisfies(version, a.vulnerable, { includePrerelease: true }))
        findings.push({ id: a.id, package: name, version, severity: a.severity, path, ...(a.title ? { title: a.title } : {}) });
  }
  return findings;
}

/** What `npm audit --json` printed: the count of high and critical findings, or null when it could not ask. */
export function npmAuditHighCount(output: string): number | null {
  let json: unknown;
  try {
    json = JSON.parse(output);
  } catch {
    return null;
  }
  const parsed = z
    .object({ metadata: z.object({ vulnerabilities: z.object({ high: z.number(), critical: z.number() }) }) })
    .safeParse(json);
  return parsed.success ? parsed.data.metadata.vulnerabilities.high + parsed.data.metadata.vulnerabilities.critical : null;
}
