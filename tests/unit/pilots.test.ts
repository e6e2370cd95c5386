// The pure half of the pilot registry (lib/pilots/table.ts) and what core reads from it.
import { describe, expect, it } from 'vitest';
import { pilots } from '@/db/schema/reference';
import { numberPrefix } from '@/lib/applications/core';
import { pilotStatuses } from '@/lib/applications/statuses';
import { idCardMachine, idCardStates } from '@/lib/id-card/machine';
import { QUEUES } from '@/lib/jobs';
import { machineryMachine, machineryStates } from '@/lib/machinery/machine';
import { pilotRegistry } from '@/lib/pilots';
import { pilotTable } from '@/lib/pilots/table';
import { vehicleMachine, vehicleStates } from '@/lib/vehicle-registration/machine';

describe('pilot registry table', () => {
  it('every pilot has its own number prefix', () => {
    expect(Object.keys(numberPrefix).sort()).toEqual([...pilots].sort());
    expect(new Set(Object.values(numberPrefix)).size).toBe(pilots.length);
    expect(numberPrefix).toEqual({ vehicle: 'VR', machinery: 'AM', id_card: 'ID', residence: 'RR' });
  });

  it('a pilot with a machine lists exactly its machine’s states; every state a transition reaches is listed', () => {
    expect(pilotStatuses.vehicle).toBe(vehicleStates);
    expect(pilotStatuses.id_card).toBe(idCardStates);
    expect(pilotStatuses.machinery).toBe(machineryStates);
    for (const [machine, states] of [
      [vehicleMachine, vehicleStates],
      [idCardMachine, idCardStates],
      [machineryMachine, machineryStates],
    ] as const) {
      const reached = Object.entries(machine.transitions).flatMap(([from, to]) => [from, ...Object.values(to ?? {})]);
      for (const s of reached) expect(states as readonly string[]).toContain(s);
    }
  });

  it('every pilot lists its machine’s own states', () => {
    for (const p of pilots) expect(pilotStatuses[p]).toBe(pilotTable[p].states);
    expect(pilotStatuses.residence).toContain('awaiting_owner_consent');
  });
});

describe('pilot registry', () => {
  it('spreads the table, wires each fee-paying pilot’s onPaid, and works only known queues, each once', () => {
    for (const p of pilots) expect(pilotRegistry[p].prefix).toBe(pilotTable[p].prefix);
    expect(typeof pilotRegistry.vehicle.onPaid).toBe('function');
    expect(typeof pilotRegistry.id_card.onPaid).toBe('function');
    const queues = Object.values(pilotRegistry).flatMap((p) => p.jobs.map((j) => j.queue));
    expect(new Set(queues).size).toBe(queues.length);
    for (const q of queues) expect(Object.values(QUEUES)).toContain(q);
    expect(queues.sort()).toEqual(
      [
        QUEUES.idCardSweep,
        QUEUES.idCardExpirySweep,
        QUEUES.residenceSweep,
        QUEUES.residenceConsentSweep,
        QUEUES.vehicleProcess,
        QUEUES.vehicleSweep,
      ].sort(),
    );
  });
});
