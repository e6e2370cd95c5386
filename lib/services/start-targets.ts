import type { Pilot } from '@/db/schema/reference';

/**
 * Where each service starts inside the cabinet (issue 15): the start page's button goes there, through sign-in
 * (`next`) when needed. Vehicles are started by the dealer and machinery by the CON front office (orders 000 and
 * 001/004), so for them the person's applications in the cabinet are the start.
 */
const TARGETS: Record<Pilot, string> = {
  vehicle: '/cabinet',
  machinery: '/cabinet',
  id_card: '/cabinet/id-card',
  residence: '/cabinet/residence/new',
};

export const startTargetOf = (pilot: Pilot) => TARGETS[pilot];

/** The public start page of each service (locale-less). */
export const SERVICE_PAGES: Record<Pilot, string> = {
  vehicle: '/services/vehicle',
  machinery: '/services/machinery',
  id_card: '/services/id-card',
  residence: '/services/residence',
};
