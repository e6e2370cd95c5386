CREATE TABLE "audit_anchors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"sealed_up_to" bigint NOT NULL,
	"hash" text NOT NULL,
	"signature" text NOT NULL,
	"signer_cert_pem" text NOT NULL,
	CONSTRAINT "audit_anchors_sealed_up_to_unique" UNIQUE("sealed_up_to")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "seal_seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_seal_seq_index" ON "audit_events" USING btree ("seal_seq");--> statement-breakpoint
CREATE INDEX "audit_events_unsealed_idx" ON "audit_events" USING btree ("id") WHERE "audit_events"."seal_seq" is null;--> statement-breakpoint
-- Issue 16: the chain is made by one sealer, not by every writer under a global lock. Rows chained so far
-- (in id order, by the old trigger) keep their hashes and get seal_seq = id.
DROP TRIGGER "audit_chain" ON "audit_events";
--> statement-breakpoint
DROP FUNCTION audit_chain_before_insert();
--> statement-breakpoint
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_no_update";
--> statement-breakpoint
UPDATE "audit_events" SET "seal_seq" = "id" WHERE "hash" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_no_update";
--> statement-breakpoint
-- The row's digest. request_id is last and concat_ws skips NULLs, so rows chained before it existed still verify.
-- seal_seq is not in it: the order is fixed by each row's prev_hash.
CREATE OR REPLACE FUNCTION audit_row_digest(prev text, e audit_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    coalesce(prev, 'genesis'), e.id::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(e.actor_user_id::text, ''), coalesce(e.actor_role, ''), coalesce(e.actor_scope, ''),
    coalesce(e.actor_org, ''), e.action, coalesce(e.application_id::text, ''), coalesce(e.subject_iin, ''),
    coalesce(host(e.ip), ''), e.data::text, e.request_id), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- A writer only inserts: the time is the database's, the chain columns are the sealer's. No lock is taken.
CREATE OR REPLACE FUNCTION audit_stamp_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.at := clock_timestamp();
  NEW.seal_seq := NULL;
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_stamp" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_stamp_insert();
--> statement-breakpoint
-- The one change a row may see: its sealing, once, with the content untouched and the digest right.
CREATE OR REPLACE FUNCTION audit_guard_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.seal_seq IS NULL AND NEW.seal_seq IS NOT NULL
     AND (to_jsonb(NEW) - 'seal_seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'seal_seq' - 'prev_hash' - 'hash')
     AND NEW.hash = audit_row_digest(NEW.prev_hash, NEW) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
DROP TRIGGER "audit_no_update" ON "audit_events";
--> statement-breakpoint
CREATE TRIGGER "audit_no_update" BEFORE UPDATE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_guard_update();
--> statement-breakpoint
CREATE TRIGGER "audit_no_delete" BEFORE DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_forbid_change();
--> statement-breakpoint
-- The sealer: chains committed, unsealed rows in id order after the last sealed one. Only it takes lock 4242001
-- (try-lock: a second sealer returns at once); writers take none. SECURITY DEFINER so that the app's role, which
-- cannot UPDATE the table, can run it, and can do nothing else with it.
CREATE OR REPLACE FUNCTION audit_seal(max_rows integer DEFAULT 5000) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  last_hash text;
  prev text;
  last_seq bigint;
  r audit_events;
  n integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(4242001) THEN
    RETURN 0;
  END IF;
  SELECT e.hash, e.seal_seq INTO last_hash, last_seq FROM audit_events e
    WHERE e.seal_seq IS NOT NULL ORDER BY e.seal_seq DESC LIMIT 1;
  FOR r IN SELECT * FROM audit_events e WHERE e.seal_seq IS NULL ORDER BY e.id LIMIT max_rows FOR UPDATE SKIP LOCKED LOOP
    last_seq := coalesce(last_seq, 0) + 1;
    prev := last_hash;
    last_hash := audit_row_digest(prev, r);
    UPDATE audit_events SET seal_seq = last_seq, prev_hash = prev, hash = last_hash WHERE id = r.id;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
--> statement-breakpoint
-- Checks the sealed part of the chain: the first row whose link or digest is wrong (or whose seal_seq leaves a gap),
-- how many were checked, how many wait for the sealer, and the last sealed position and hash.
DROP FUNCTION audit_verify_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_verify_chain()
RETURNS TABLE(broken_id bigint, checked bigint, unsealed bigint, last_seq bigint, last_hash text)
LANGUAGE sql STABLE AS $$
  WITH c AS (
    SELECT e.id, e.seal_seq, e.prev_hash, e.hash,
           lag(e.hash) OVER (ORDER BY e.seal_seq) AS expected_prev,
           row_number() OVER (ORDER BY e.seal_seq) AS n,
           audit_row_digest(e.prev_hash, e) AS recomputed
    FROM audit_events e WHERE e.seal_seq IS NOT NULL
  )
  SELECT (SELECT id FROM c WHERE prev_hash IS DISTINCT FROM expected_prev OR hash IS DISTINCT FROM recomputed OR seal_seq <> n
          ORDER BY seal_seq LIMIT 1),
         (SELECT count(*) FROM c),
         (SELECT count(*) FROM audit_events WHERE seal_seq IS NULL),
         (SELECT max(seal_seq) FROM c),
         (SELECT hash FROM c ORDER BY seal_seq DESC LIMIT 1)
$$;
--> statement-breakpoint
-- Anchors are written only through this: the hash is read from the chain, never taken from the caller.
CREATE OR REPLACE FUNCTION audit_anchor_add(p_at timestamptz, p_sealed_up_to bigint, p_signature text, p_signer_cert_pem text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE h text; new_id bigint;
BEGIN
  SELECT hash INTO h FROM audit_events WHERE seal_seq = p_sealed_up_to;
  IF h IS NULL THEN
    RAISE EXCEPTION 'no sealed audit row at %', p_sealed_up_to;
  END IF;
  INSERT INTO audit_anchors (at, sealed_up_to, hash, signature, signer_cert_pem)
    VALUES (p_at, p_sealed_up_to, h, p_signature, p_signer_cert_pem)
    ON CONFLICT (sealed_up_to) DO NOTHING RETURNING id INTO new_id;
  RETURN new_id;
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_anchors_no_update" BEFORE UPDATE OR DELETE ON "audit_anchors" FOR EACH ROW EXECUTE FUNCTION audit_forbid_change();
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_seal(integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_anchor_add(timestamptz, bigint, text, text) FROM PUBLIC;
