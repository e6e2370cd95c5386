import type { FeeLine } from '@/db/schema/payments';
import { mrpToTiyn } from '@/lib/format';

/** Pure: fee lines in tiyn for the given fee codes at this year's MRP (SPEC §2.4: amounts are MRP multiples). */
export function priceFees(fees: readonly { code: string; mrpMilli: number }[], codes: readonly string[], mrpTenge: number): FeeLine[] {
  return codes.map((code) => {
    const fee = fees.find((f) => f.code === code);
    if (!fee) throw new Error(`unknown fee ${code}`);
    return { code, mrpMilli: fee.mrpMilli, amountTiyn: mrpToTiyn(fee.mrpMilli, mrpTenge) };
  });
}

export const totalTiyn = (lines: readonly FeeLine[]) => lines.reduce((s, l) => s + l.amountTiyn, 0);
