// The portal's configuration from the environment, parsed once with zod (issue 14): what each variable means, its
// default, and which settings a production start refuses. Pure except `config()`, which reads process.env.
import { z } from 'zod';
import { limitsWith } from '@/lib/rate-limit/rules';

const flag = z.enum(['0', '1']).optional();
const url = z.url({ protocol: /^https?$/ });

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The persona picker, the demo PKI's keys, the simulated bank page. Never with a real database in production. */
  DEMO_MODE: flag,
  DATABASE_URL: z.string().min(1).optional(),
  /** The portal's public origin for links that leave the page: gateway callbacks, QR codes, SMS. Never a request's Host. */
  QYZMET_PUBLIC_URL: url.optional(),
  AUTH_SECRET: z.string().optional(),
  PAYMENT_GATEWAY_SECRET: z.string().optional(),
  /** `simulator` (the `registry` schema) is the only implementation so far. */
  REGISTRIES: z.string().trim().default('simulator'),
  /** Plain-HTTP cookies for a production build behind no TLS (local checks only). */
  QYZMET_INSECURE_COOKIES: flag,
  QYZMET_WORKERS: flag,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** How many proxies in front of the portal append to X-Forwarded-For (0: the header is ignored). */
  QYZMET_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** How long a call to an external state system may take before it counts as not answering (ms). */
  QYZMET_REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Per-system overrides, e.g. `gbd_fl=5000,zags=15000`. */
  QYZMET_REGISTRY_TIMEOUTS: z
    .string()
    .regex(/^(\s*[a-z_]+=\d{3,6}\s*)(,\s*[a-z_]+=\d{3,6}\s*)*$/, 'system=milliseconds pairs separated by commas')
    .optional(),
  /** Rate-limit overrides, e.g. `sign_in.ip=60/600` (points/seconds; defaults in lib/rate-limit/rules.ts). */
  QYZMET_RATE_LIMITS: z
    .string()
    .refine((s) => limitsWith(s) !== null, 'action.scope=points/seconds pairs separated by commas (scope: ip, iin, anonymous)')
    .optional(),
  /** A payment still pending this many minutes after its invoice was opened is asked about at the gateway. */
  QYZMET_RECONCILE_AFTER_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * The portal's key for anchoring the audit chain (issue 14): a PKCS#8 RSA key and its certificate, both PEM.
   * Without them the demo PKI's intermediate CA signs the anchors in demo mode, and nothing is anchored otherwise.
   */
  QYZMET_AUDIT_SIGNING_KEY: z.string().optional(),
  QYZMET_AUDIT_SIGNING_CERT: z.string().optional(),
  /**
   * Issue 16: the key Next.js encrypts server actions' closed-over values with (base64 of 32 bytes). Every web
   * process must have the same one, or a form rendered by one process fails when another one receives it.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.string().optional(),
  /** Where uploaded bytes go: the database (default, shared by every process) or FILE_STORE_DIR on this machine. */
  FILE_STORE: z.enum(['db', 'disk']).optional(),
});

export type Config = z.infer<typeof configSchema>;

/** The configuration, or an error naming every variable that is malformed. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const wrong = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Qyzmet configuration is invalid: ${wrong.join('; ')}`);
  }
  return parsed.data;
}

let cached: { env: NodeJS.ProcessEnv; snapshot: string; config: Config } | undefined;

/** The parsed process environment (re-parsed when it changes, as tests change it). */
export function config(): Config {
  const snapshot = JSON.stringify([
    process.env.NODE_ENV,
    process.env.DEMO_MODE,
    process.env.DATABASE_URL,
    process.env.QYZMET_PUBLIC_URL,
    process.env.AUTH_SECRET,
    process.env.PAYMENT_GATEWAY_SECRET,
    process.env.REGISTRIES,
    process.env.QYZMET_INSECURE_COOKIES,
    process.env.QYZMET_WORKERS,
    process.env.PORT,
    process.env.QYZMET_REGISTRY_TIMEOUT_MS,
    process.env.QYZMET_TRUSTED_PROXY_HOPS,
    process.env.QYZMET_REGISTRY_TIMEOUTS,
    process.env.QYZMET_RATE_LIMITS,
    process.env.QYZMET_RECONCILE_AFTER_MINUTES,
    process.env.QYZMET_AUDIT_SIGNING_KEY,
    process.env.QYZMET_AUDIT_SIGNING_CERT,
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    process.env.FILE_STORE,
  ]);
  if (cached?.snapshot !== snapshot) cached = { env: process.env, snapshot, config: parseConfig(process.env) };
  return cached.config;
}

export const isDemoMode = () => config().DEMO_MODE === '1';

/**
 * The portal's public origin, from configuration only (a forged Host header must never choose where the signed
 * payment callback goes). In demo mode without one: the local address `npm start` serves on.
 */
export function publicUrl(c: Config = config()): string {
  if (c.QYZMET_PUBLIC_URL) return c.QYZMET_PUBLIC_URL.replace(/\/+$/, '');
  if (c.DEMO_MODE === '1') return `http://localhost:${c.PORT}`;
  throw new Error('QYZMET_PUBLIC_URL is not set: the portal needs its public address outside demo mode');
}

/**
 * What a production start refuses, as a list a person can act on (empty: safe to start). Demo mode is a demo: it
 * runs the simulators and the persona picker, so none of this applies to it.
 */
export function productionProblems(c: Config): string[] {
  if (c.NODE_ENV !== 'production') return [];
  if (c.DEMO_MODE === '1')
    return c.DATABASE_URL && !isLocalDatabase(c.DATABASE_URL)
      ? ['DEMO_MODE=1 with a database on another host: the persona picker would sign anyone in as anyone']
      : [];
  const problems: string[] = [];
  if (!c.QYZMET_PUBLIC_URL) problems.push('QYZMET_PUBLIC_URL is not set (the public https address of the portal)');
  else if (!c.QYZMET_PUBLIC_URL.startsWith('https://')) problems.push('QYZMET_PUBLIC_URL must be an https:// address');
  if (!c.AUTH_SECRET || c.AUTH_SECRET.length < 32) problems.push('AUTH_SECRET is not set or shorter than 32 characters');
  if (!c.PAYMENT_GATEWAY_SECRET || c.PAYMENT_GATEWAY_SECRET.length < 32)
    problems.push('PAYMENT_GATEWAY_SECRET is not set or shorter than 32 characters');
  if (c.QYZMET_INSECURE_COOKIES === '1') problems.push('QYZMET_INSECURE_COOKIES=1 sends session cookies over plain HTTP');
  if (c.REGISTRIES === 'simulator')
    problems.push('REGISTRIES=simulator: the state systems and the payment gateway are simulated (demo only)');
  if (!c.DATABASE_URL) problems.push('DATABASE_URL is not set');
  // Issue 16: what a second web process must share with the first.
  if (!isActionKey(c.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY))
    problems.push('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set or not base64 of 32 bytes (the same in every web process)');
  if (c.FILE_STORE === 'disk') problems.push('FILE_STORE=disk keeps uploads on one machine: other web processes cannot read them');
  return problems;
}

/** Base64 of a 256-bit AES key, as Next.js reads NEXT_SERVER_ACTIONS_ENCRYPTION_KEY. */
export function isActionKey(key: string | undefined): boolean {
  return !!key && /^[A-Za-z0-9+/]{43}=$/.test(key);
}

/** A database on this machine (the embedded one, or a developer's): where demo mode may run. */
export function isLocalDatabase(databaseUrl: string): boolean {
  try {
    const host = new URL(databaseUrl).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]' || host === '';
  } catch {
    return false;
  }
}

/** The timeout of calls to one external system: its override, else the default. */
export function registryTimeoutMs(system: string, c: Config = config()): number {
  for (const pair of c.QYZMET_REGISTRY_TIMEOUTS?.split(',') ?? []) {
    const [name, ms] = pair.split('=').map((x) => x.trim());
    if (name === system) return Number(ms);
  }
  return c.QYZMET_REGISTRY_TIMEOUT_MS;
}
