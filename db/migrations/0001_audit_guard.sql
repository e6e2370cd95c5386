-- Audit events are append-only and hash-chained (SPEC §2.8).
-- The chain: hash = sha256(prev_hash | id | at | actor | action | application | subject | data). An advisory
-- transaction lock serialises writers so that each row's prev_hash is the hash of the row committed before it.
CREATE OR REPLACE FUNCTION audit_row_digest(prev text, e audit_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    coalesce(prev, 'genesis'), e.id::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(e.actor_user_id::text, ''), coalesce(e.actor_role, ''), coalesce(e.actor_scope, ''),
    coalesce(e.actor_org, ''), e.action, coalesce(e.application_id::text, ''), coalesce(e.subject_iin, ''),
    coalesce(host(e.ip), ''), e.data::text), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_chain_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(4242001);
  -- ids are taken under the lock so that id order is commit order, which the chain check relies on
  NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
  SELECT hash INTO last_hash FROM audit_events ORDER BY id DESC LIMIT 1;
  NEW.at := clock_timestamp();
  NEW.prev_hash := last_hash;
  NEW.hash := audit_row_digest(last_hash, NEW);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_forbid_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_chain_before_insert();
--> statement-breakpoint
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_forbid_change();
--> statement-breakpoint
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_forbid_change();
--> statement-breakpoint
-- Returns the first row whose stored hashes do not match a recomputation, or nothing when the chain is intact.
CREATE OR REPLACE FUNCTION audit_verify_chain() RETURNS TABLE(broken_id bigint, checked bigint)
LANGUAGE sql STABLE AS $$
  WITH c AS (
    SELECT e.id, e.prev_hash, e.hash, lag(e.hash) OVER (ORDER BY e.id) AS expected_prev,
           audit_row_digest(e.prev_hash, e) AS recomputed
    FROM audit_events e
  )
  SELECT (SELECT min(id) FROM c WHERE prev_hash IS DISTINCT FROM expected_prev OR hash IS DISTINCT FROM recomputed),
         (SELECT count(*) FROM c)
$$;
