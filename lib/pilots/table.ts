import type { Pilot } from '@/db/schema/reference';
import { idCardStates } from '@/lib/id-card/machine';
import { machineryStates } from '@/lib/machinery/machine';
import { residenceStates } from '@/lib/residence/machine';
import { vehicleStates } from '@/lib/vehicle-registration/machine';

/**
 * The pure half of the pilot registry (lib/pilots/index.ts): what core code needs to know of a pilot, with no
 * service imports, so lib/applications/core.ts and statuses.ts can read it while the services import core.
 * `states` are the pilot machine's own list; null until the pilot has a machine (statuses.ts holds a placeholder).
 */
export const pilotTable = {
  vehicle: { prefix: 'VR', states: vehicleStates },
  machinery: { prefix: 'AM', states: machineryStates },
  id_card: { prefix: 'ID', states: idCardStates },
  residence: { prefix: 'RR', states: residenceStates },
} as const satisfies Record<Pilot, { prefix: string; states: readonly string[] | null }>;

type Table = typeof pilotTable;
/** The pilots that have a state machine, with its states. */
export type MachineStates = { [P in keyof Table as Table[P]['states'] extends null ? never : P]: NonNullable<Table[P]['states']> };

export const machineStates = Object.fromEntries(
  Object.entries(pilotTable).flatMap(([pilot, p]) => (p.states ? [[pilot, p.states]] : [])),
) as MachineStates;
