// Data at scale (issue 6, part 1): N applications over the pilots that exist (vehicle, id_card, machinery), every
// region, their statuses and three years, with their pilot rows, two timeline events each and the ID cards' payments.
// Machinery (a quarter) lives only in its two pilot regions (02, 10), spread over their akimats, so one akimat's
// dashboard (orders 001/004, p.14) carries tens of thousands of applications at 1M.
// Set-based SQL (generate_series), in batches, so a million rows take minutes, not hours.
import type postgres from 'postgres';

const VEHICLE = ['awaiting_buyer', 'buyer_filling', 'awaiting_payment', 'processing', 'ready_for_pickup', 'issued', 'refused', 'expired'];
const ID_CARD = ['submitted', 'awaiting_payment', 'under_review', 'approved', 'in_production', 'ready_for_pickup', 'issued', 'annulled'];
const MACHINERY = ['under_review', 'approved', 'issued', 'refused', 'rejected_at_intake'];
const ACTIONS = ['registration', 're_registration', 'deregistration', 'duplicate_document', 'duplicate_plate'];
const KINDS = ['tractor', 'self_propelled', 'trailer', 'special'];

export async function generate(sql: postgres.Sql, total: number, batch = 50_000) {
  const started = performance.now();
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from regions`;
  const regions = row?.n ?? 0;
  if (!regions) throw new Error('generate: the reference data (regions) is missing: seed first');
  // The seeded dealers' organisations, so the dealer list under load is a long one.
  const bins = (
    await sql<
      { bin: string }[]
    >`select distinct dealer_bin as bin from user_roles where role = 'dealer' and dealer_bin ~ '^[0-9]{12}$' order by 1`
  ).map((r) => `'${r.bin}'`);
  if (!bins.length) throw new Error('generate: no seeded dealer: seed first');
  const [akimatRow] = await sql<{ n: number }[]>`select count(*)::int as n from akimats where region_code in ('02', '10')`;
  const akimats = akimatRow?.n ?? 0;
  if (!akimats) throw new Error('generate: no akimat in the machinery pilot regions: seed first');
  for (let from = 0; from < total; from += batch) {
    const to = Math.min(total, from + batch) - 1;
    await sql.begin(async (tx) => {
      // Half vehicles (even g), a quarter ID cards (g % 4 = 1), a quarter machinery (g % 4 = 3); vehicles and ID
      // cards over every region and status (the status steps once per round of regions, so every region gets every
      // status), machinery over the akimats of its two regions; three years.
      await tx.unsafe(`
        insert into applications (id, number, pilot, status, version, applicant_iin, region_code, akimat_id, service_centre_id, registration_point_id, dealer_bin, created_at, updated_at, submitted_at, deadline_at)
        select md5('bench-' || g)::uuid, 'BN-' || lpad(g::text, 9, '0'),
          case when g % 2 = 0 then 'vehicle' when g % 4 = 1 then 'id_card' else 'machinery' end,
          case when g % 2 = 0 then (array[${VEHICLE.map((s) => `'${s}'`).join(',')}])[1 + (g / 2 / ${regions}) % ${VEHICLE.length}]
               when g % 4 = 1 then (array[${ID_CARD.map((s) => `'${s}'`).join(',')}])[1 + (g / 4 / ${regions}) % ${ID_CARD.length}]
               else (array[${MACHINERY.map((s) => `'${s}'`).join(',')}])[1 + (g / 4 / ${akimats}) % ${MACHINERY.length}] end,
          1, lpad((100000000000 + g)::text, 12, '0'),
          coalesce(k.region_code, r.code), k.id, c.id, p.id, case when g % 2 = 0 then (array[${bins.join(',')}])[1 + (g / 2) % ${bins.length}] end,
          now() - ((g % 1095) || ' days')::interval - ((g % 86400) || ' seconds')::interval,
          now() - ((g % 1095) || ' days')::interval, now() - ((g % 1095) || ' days')::interval,
          case when g % 4 = 3 then now() - ((g % 1095) || ' days')::interval + interval '1 day' end
        from generate_series(${from}, ${to}) g
        join lateral (select code from regions order by code offset (g / 2) % ${regions} limit 1) r on true
        left join lateral (select id, region_code from akimats where g % 4 = 3 and region_code in ('02', '10') order by id offset (g / 4) % ${akimats} limit 1) k on true
        left join lateral (select id from service_centres where region_code = coalesce(k.region_code, r.code) order by id limit 1) c on true
        left join lateral (select id from registration_points where region_code = r.code order by id limit 1) p on true`);
      await tx.unsafe(`
        insert into machinery_applications (application_id, action, owner_kind, owner_iin, machine_kind, make, model, year, serial_number, plate, checklist_ticks)
        select a.id, (array[${ACTIONS.map((s) => `'${s}'`).join(',')}])[1 + (hashtext(a.id::text) & 1023) % ${ACTIONS.length}], 'person', a.applicant_iin,
          (array[${KINDS.map((s) => `'${s}'`).join(',')}])[1 + (hashtext(a.number) & 1023) % ${KINDS.length}], 'Bench', 'B-1', 2024,
          'BN' || upper(substr(md5(a.id::text), 1, 14)),
          case when a.status in ('approved', 'issued') then chr(65 + (hashtext(a.number) & 15)) || ' ' || lpad(((hashtext(a.id::text) & 8191) % 9999 + 1)::text, 4, '0') || ' ' || a.region_code end,
          '{}'::text[]
        from applications a where a.number between 'BN-${String(from).padStart(9, '0')}' and 'BN-${String(to).padStart(9, '0')}' and a.pilot = 'machinery'`);
      await tx.unsafe(`
        insert into vehicle_applications (application_id, vin, dealer_bin, dealer_name_kk, dealer_name_ru, buyer_iin, pickup_centre_id, plate_type, vin_released_at)
        select a.id, upper(substr(md5(a.id::text), 1, 17)), coalesce(a.dealer_bin, '000000000000'), 'Bench', 'Bench', a.applicant_iin, a.service_centre_id, 'standard_person', now()
        from applications a where a.number between 'BN-${String(from).padStart(9, '0')}' and 'BN-${String(to).padStart(9, '0')}' and a.pilot = 'vehicle'`);
      await tx.unsafe(`
        insert into id_card_applications (application_id, iin, consent_id, current_card_number, current_card_issued_on, current_card_expires_on, registration_point_id, rp_drn_ticket, closed_at)
        select a.id, a.applicant_iin, 'bench', '000000000', '2016-01-01', '2026-01-01', a.registration_point_id, 'RPD-' || substr(a.number, 4), now()
        from applications a where a.number between 'BN-${String(from).padStart(9, '0')}' and 'BN-${String(to).padStart(9, '0')}' and a.pilot = 'id_card'`);
      await tx.unsafe(`
        insert into application_events (application_id, at, type, to_status, data)
        select a.id, a.created_at + (e || ' minutes')::interval, case e when 0 then 'created' else 'check' end, a.status, '{}'::jsonb
        from applications a cross join generate_series(0, 1) e
        where a.number between 'BN-${String(from).padStart(9, '0')}' and 'BN-${String(to).padStart(9, '0')}'`);
      await tx.unsafe(`
        insert into payments (application_id, payer_iin, lines, amount_tiyn, status, purpose_key, created_at, paid_at)
        select a.id, a.applicant_iin, '[]'::jsonb, 86500, 'paid', 'id_card:' || a.id || ':duty', a.created_at, a.created_at
        from applications a where a.number between 'BN-${String(from).padStart(9, '0')}' and 'BN-${String(to).padStart(9, '0')}' and a.pilot = 'id_card'`);
    });
  }
  // As autovacuum would: statistics for the planner, and the visibility map that index-only scans need.
  await sql`vacuum analyze`;
  const seconds = (performance.now() - started) / 1000;
  return { applications: total, seconds, rowsPerSecond: Math.round((total * 4) / seconds) };
}
