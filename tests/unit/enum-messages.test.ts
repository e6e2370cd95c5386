// Issue 15: every enum value that can reach a person has a message in both languages, so no raw code is shown.
// The lists are imported from lib/ and db/schema: a new state, role or reason without a message fails here.
import { describe, expect, it } from 'vitest';
import { machineryActions, machineryKinds, machineryPlateStatuses, transferActStatuses } from '@/db/schema/machinery';
import { paymentStatuses } from '@/db/schema/payments';
import { roles } from '@/db/schema/people';
import { pilots } from '@/db/schema/reference';
import { registrySystems } from '@/db/schema/registry-ops';
import { consentStatuses, residenceKinds } from '@/db/schema/residence';
import { accessKinds, officeKinds } from '@/lib/audit/access-log';
import { annulReasons } from '@/lib/id-card/annulment';
import { idCardEvents, idCardStates } from '@/lib/id-card/machine';
import { intakeBlockers } from '@/lib/machinery/intake-steps';
import { machineryStates } from '@/lib/machinery/machine';
import { educationLevels, maritalStatuses, movingReasons, occupations } from '@/lib/residence/arrival-form';
import { astanaRelations } from '@/lib/residence/astana-step-rules';
import { conRefusalCodes } from '@/lib/residence/con-types';
import { residenceStates } from '@/lib/residence/machine';
import { residenceRefusalReasons } from '@/lib/residence/refusals';
import { revocationReasons } from '@/lib/signatures/revocation';
import { vehicleEvents, vehicleStates } from '@/lib/vehicle-registration/machine';
import { findRawCodes } from '../../e2e/support/raw-code-scan';
import kk from '../../messages/kk.json';
import ru from '../../messages/ru.json';

type Tree = { [k: string]: string | Tree };
const has = (tree: Tree, key: string) => {
  let o: string | Tree | undefined = tree;
  for (const part of key.split('.')) o = typeof o === 'object' ? o[part] : undefined;
  return typeof o === 'string' && o.trim().length > 0;
};

const shown: Record<string, readonly string[]> = {
  Status: [...new Set([...vehicleStates, ...machineryStates, ...idCardStates, ...residenceStates])],
  Roles: roles,
  Pilots: pilots,
  'Payments.status': paymentStatuses,
  'Admin.systems': registrySystems,
  'Admin.revocationReasons': revocationReasons,
  'Vehicle.events': vehicleEvents,
  'IdCard.events': idCardEvents,
  'IdCard.annulReasons': annulReasons,
  'Machinery.action': machineryActions,
  'MachineryIntake.kinds': machineryKinds,
  'MachineryIntake.blockers': intakeBlockers,
  'MachineryReview.plateStatus': machineryPlateStatuses,
  'MachineryArchive.status': transferActStatuses,
  'Residence.kind': residenceKinds,
  'Residence.consentStatus': consentStatuses,
  'Residence.refusal': residenceRefusalReasons,
  'Residence.maritalStatus': maritalStatuses,
  'Residence.movingReason': movingReasons,
  'Residence.occupation': occupations,
  'Residence.education': educationLevels,
  'ResidenceAstana.relation': astanaRelations,
  'ResidenceCon.refusal': conRefusalCodes,
  'Cabinet.accessKinds': accessKinds,
  'Cabinet.office': officeKinds,
};

describe('every enum a person can see has a message in kk and ru', () => {
  for (const [prefix, values] of Object.entries(shown)) {
    it(prefix, () => {
      const missing = values.flatMap((v) =>
        (['kk', 'ru'] as const).filter((l) => !has((l === 'kk' ? kk : ru) as Tree, `${prefix}.${v}`)).map((l) => `${l}:${prefix}.${v}`),
      );
      expect(missing).toEqual([]);
    });
  }
});

describe('message keys', () => {
  // next-intl reads a dot as nesting: a key `vehicle.srts` is never found, and the page falls back to the code.
  it('no key contains a dot', () => {
    const dotted: string[] = [];
    const walk = (o: Tree, p: string) => {
      for (const [k, v] of Object.entries(o)) {
        if (k.includes('.')) dotted.push(p + k);
        if (typeof v === 'object') walk(v, `${p}${k}.`);
      }
    };
    walk(kk as Tree, 'kk:');
    walk(ru as Tree, 'ru:');
    expect(dotted).toEqual([]);
  });
});

describe('message texts', () => {
  // The admin's pilot-settings errors name the JSON key the admin must fix; nobody else sees them.
  const adminOnly = new Set([
    'Errors.residence_astana_norm_invalid',
    'Errors.residence_astana_norm_decision_date_invalid',
    'Errors.residence_astana_norm_decision_number_required',
  ]);
  const flat = (o: Tree, p = ''): [string, string][] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${p}${k}.`) : [[`${p}${k}`, v] as [string, string]]));
  it('carry no raw code themselves (placeholders aside)', () => {
    const found = (['kk', 'ru'] as const).flatMap((l) =>
      flat((l === 'kk' ? kk : ru) as Tree)
        .filter(([k]) => !k.startsWith('Admin.') && !adminOnly.has(k))
        .flatMap(([k, v]) => findRawCodes(v.replace(/\{[^{}]*\}/g, ' ')).map((c) => `${l}:${k}: ${c}`)),
    );
    expect(found).toEqual([]);
  });
});
