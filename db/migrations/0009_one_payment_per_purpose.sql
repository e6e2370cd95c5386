-- Before the index: a purpose that already has several pending/paid payments (the old check-then-insert race)
-- keeps one (its first paid one, else its newest pending one); the others are superseded, and a second paid
-- one is money taken twice, so it gets a refund record.
WITH ranked AS (
  SELECT id, status, row_number() OVER (PARTITION BY purpose_key ORDER BY (status = 'paid') DESC, CASE WHEN status = 'paid' THEN created_at END ASC, created_at DESC) AS n
  FROM "payments" WHERE status IN ('pending', 'paid')
), extra AS (SELECT id, status FROM ranked WHERE n > 1)
INSERT INTO "refunds" ("payment_id", "amount_tiyn", "reason")
SELECT p.id, p.amount_tiyn, 'paid_twice' FROM "payments" p JOIN extra e ON e.id = p.id WHERE e.status = 'paid'
ON CONFLICT DO NOTHING;--> statement-breakpoint
WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY purpose_key ORDER BY (status = 'paid') DESC, CASE WHEN status = 'paid' THEN created_at END ASC, created_at DESC) AS n
  FROM "payments" WHERE status IN ('pending', 'paid')
)
UPDATE "payments" SET status = 'superseded' WHERE id IN (SELECT id FROM ranked WHERE n > 1);--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_active_per_purpose" ON "payments" USING btree ("purpose_key") WHERE "payments"."status" in ('pending', 'paid');
