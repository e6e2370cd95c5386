// Which messages reach the browser. A server component renders its own text, so only client components need
// messages there, and each work area sends just the namespaces its client components use (all of them would add
// 70 KB to every page's HTML). `tests/unit/client-messages.test.ts` checks every page's client components
// against its area.
import type { AbstractIntlMessages } from 'next-intl';

/** What every form needs: the error texts (with registry names) and the check lines. */
const forms = ['Common', 'Errors', 'Admin.systems', 'Checks', 'Print'];

export const CLIENT_MESSAGES = {
  site: ['Common'],
  signIn: [...forms, 'Eds'],
  signature: [...forms, 'Eds'],
  citizenIdCard: [...forms, 'Eds', 'Payments', 'IdCard', 'IdCardTasks'],
  citizenVehicle: [...forms, 'Eds', 'Payments', 'Vehicle'],
  // The online residence registration (order 003): the citizen's forms and the option labels they share.
  citizenResidence: [...forms, 'Eds', 'Residence', 'ResidenceStart', 'ResidenceApplication'],
  dealer: [...forms, 'Eds', 'Vehicle'],
  admin: [...forms, 'Admin'],
  // The issuance desks check the presented document first (order 000 p.9, order 002 p.19): DeskIdentity.
  idCardStaff: [...forms, 'Eds', 'IdCard', 'DeskIdentity'],
  // Reception also issues the machinery front office's tickets (orders 001/004, p.5).
  vehicleStaff: [...forms, 'Eds', 'Vehicle', 'MachineryIntake.reception', 'DeskIdentity'],
  machineryIntake: [...forms, 'Eds', 'Machinery.action', 'Machinery.checklist', 'MachineryIntake'],
  machineryReview: [...forms, 'Eds', 'MachineryReview'],
  machineryIssuance: [...forms, 'MachineryIssuance'],
  machineryArchive: [...forms, 'Eds', 'MachineryArchive'],
  // The owner's answer to a residence consent request: EDS, and the decline form.
  citizenConsent: [...forms, 'Eds', 'ResidenceConsent.form'],
  // Residence registration at a CON (order 003, p.3–8): reception's ticket and the operating hall's desk.
  residenceCon: [...forms, 'Eds', 'ResidenceCon'],
  // Residence, Astana's step 4 (order 003 p.10): the claim form.
  citizenResidenceAstana: [...forms, 'ResidenceAstana'],
} as const satisfies Record<string, readonly string[]>;

export type ClientArea = keyof typeof CLIENT_MESSAGES;

/** The messages at these paths (a namespace, or a dotted path inside one), nested as in the catalogue. */
export function pickMessages(all: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const out: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let from: AbstractIntlMessages | string | undefined = all;
    let to = out;
    for (const [i, key] of keys.entries()) {
      from = typeof from === 'object' ? from[key] : undefined;
      if (from === undefined) throw new Error(`pickMessages: no messages at ${path}`);
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as AbstractIntlMessages;
    }
  }
  return out;
}
