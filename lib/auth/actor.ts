import type { Role } from './roles';

export type Grant = {
  role: Role;
  regionCode: string | null;
  akimatId: number | null;
  serviceCentreId: number | null;
  registrationPointId: number | null;
  dealerBin: string | null;
};

/** The signed-in person as every page and action sees them. */
export type Actor = {
  userId: string;
  sessionId: string;
  iin: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  locale: 'kk' | 'ru';
  grants: Grant[];
  isStaff: boolean;
};

export function displayName(a: Pick<Actor, 'surname' | 'givenName'>) {
  return `${a.givenName} ${a.surname}`;
}
