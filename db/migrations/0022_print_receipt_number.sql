ALTER TABLE "payments" ADD COLUMN "receipt_number" text;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_receipt_number_unique" UNIQUE("receipt_number");--> statement-breakpoint
-- Payments whose money arrived before receipts were numbered get theirs now, in the order the money came, per year in
-- Asia/Almaty; the counter continues from there (lib/payments/receipt.ts).
WITH numbered AS (
  SELECT id, extract(year FROM paid_at AT TIME ZONE 'Asia/Almaty')::int AS y,
         row_number() OVER (PARTITION BY extract(year FROM paid_at AT TIME ZONE 'Asia/Almaty') ORDER BY paid_at, id) AS n
  FROM payments WHERE paid_at IS NOT NULL AND receipt_number IS NULL
)
UPDATE payments SET receipt_number = 'RCP-' || numbered.y || '-' || lpad(numbered.n::text, 6, '0')
FROM numbered WHERE payments.id = numbered.id;--> statement-breakpoint
INSERT INTO application_numbers (prefix, year, last)
SELECT 'RCP', split_part(receipt_number, '-', 2)::int, max(split_part(receipt_number, '-', 3)::int)
FROM payments WHERE receipt_number IS NOT NULL GROUP BY 2
ON CONFLICT (prefix, year) DO UPDATE SET last = greatest(application_numbers.last, excluded.last);
