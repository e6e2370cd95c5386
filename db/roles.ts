import postgres from 'postgres';

/**
 * The portal's own database role (issue 14). Migrations, the seed and this set-up run as the owner (DATABASE_URL
 * as given: the embedded superuser, or CI's `postgres`); the web process and its job workers connect as
 * `qyzmet_app`, which has plain DML on the app's tables but only INSERT and SELECT on `audit_events`, only SELECT
 * on `audit_anchors`, owns no table (so it cannot ALTER … DISABLE TRIGGER) and reaches the chain's sealing and
 * anchoring only through the owner's SECURITY DEFINER functions `audit_seal()` and `audit_anchor_add()`.
 * pg-boss's schema is the app's own: the queue makes a table per queue as it runs, and it is not evidence.
 */
export const APP_ROLE = 'qyzmet_app';

/** The app role's password: QYZMET_APP_DB_PASSWORD, or the caller's fallback (demo and tests only). */
export function appRolePassword(fallback?: string): string {
  const p = process.env.QYZMET_APP_DB_PASSWORD || fallback;
  if (!p) throw new Error('QYZMET_APP_DB_PASSWORD is not set: the portal connects as the database role qyzmet_app and needs its password');
  return p;
}

/** The owner's URL with the app role's user and password instead. */
export function appDatabaseUrl(ownerUrl: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = encodeURIComponent(password);
  return u.toString();
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The grants, for the database the URL names. Idempotent: run after every migration. */
const GRANTS = `
GRANT USAGE ON SCHEMA public, registry TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, registry TO ${APP_ROLE};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, registry TO ${APP_ROLE};
ALTER DEFAULT PRIVILEGES IN SCHEMA public, registry GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
ALTER DEFAULT PRIVILEGES IN SCHEMA public, registry GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE};
REVOKE ALL ON audit_events FROM ${APP_ROLE};
GRANT SELECT, INSERT ON audit_events TO ${APP_ROLE};
REVOKE UPDATE ON SEQUENCE audit_events_id_seq FROM ${APP_ROLE};
REVOKE ALL ON audit_anchors FROM ${APP_ROLE};
REVOKE ALL ON SEQUENCE audit_anchors_id_seq FROM ${APP_ROLE};
GRANT SELECT ON audit_anchors TO ${APP_ROLE};
-- The readiness check compares the shipped journal with the applied migrations (read-only).
GRANT USAGE ON SCHEMA drizzle TO ${APP_ROLE};
GRANT SELECT ON drizzle.__drizzle_migrations TO ${APP_ROLE};
GRANT EXECUTE ON FUNCTION audit_seal(integer) TO ${APP_ROLE};
GRANT EXECUTE ON FUNCTION audit_anchor_add(timestamptz, bigint, text, text) TO ${APP_ROLE};
GRANT EXECUTE ON FUNCTION application_number_next(text, integer) TO ${APP_ROLE};
DO $$
DECLARE r record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
    EXECUTE 'CREATE SCHEMA pgboss AUTHORIZATION ${APP_ROLE}';
    RETURN;
  END IF;
  -- A database from before the role existed: its queue tables move to the app.
  EXECUTE 'ALTER SCHEMA pgboss OWNER TO ${APP_ROLE}';
  FOR r IN SELECT c.oid::regclass AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'v') AND pg_get_userbyid(c.relowner) <> '${APP_ROLE}' LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO ${APP_ROLE}', r.t);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'pgboss' AND pg_get_userbyid(p.proowner) <> '${APP_ROLE}' LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO ${APP_ROLE}', r.f);
  END LOOP;
  FOR r IN SELECT t.oid::regtype AS ty FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'pgboss' AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) <> '${APP_ROLE}' LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO ${APP_ROLE}', r.ty);
  END LOOP;
END $$;
`;

/**
 * Makes sure the app role exists with this password (roles belong to the server, so once for all its databases)
 * and has its grants in the database of `ownerUrl`. Runs as the owner, after the migrations.
 */
export async function ensureAppRole(ownerUrl: string, password: string) {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      // Another database on the same server may be creating it at this moment: then it exists, which is the point.
      await tx.unsafe(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
      await tx.unsafe(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${quote(password)}`);
      await tx.unsafe(GRANTS);
    });
  } finally {
    await sql.end();
  }
}
