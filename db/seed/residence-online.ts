// Demo personas of the citizen's online residence registration (SPEC §6, lib/residence/citizen-service.ts), picker
// orders 150–155: registrations outside Astana — in a flat of one's own (no consent) and a temporary stay with two
// hosts (two consents). Their GBD FL records are in citizens.ts, their dwellings in property.ts.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { userRoles, users } from '../schema';
import { CITIZENS } from './citizens';
import type { Persona } from './personas';
import { PERSONA as P } from './personas-ids';

const citizen = [{ role: 'citizen' as const }];

export const RESIDENCE_ONLINE_PERSONAS: readonly Persona[] = [
  {
    iin: P.ownerAsel,
    order: 150,
    locale: 'kk',
    roles: citizen,
    kk: 'Қарағандыдағы өз пәтеріне тұрақты тіркелу: жалғыз меншік иесі, келісім керек емес → мекенжай анықтамасы',
    ru: 'Постоянная регистрация в своей квартире в Караганде: единственный собственник, согласие не нужно → адресная справка',
  },
  {
    iin: P.ownerOleg,
    order: 151,
    locale: 'ru',
    roles: citizen,
    kk: 'Алматыдағы өз пәтеріне тұрақты тіркелу (орыс тілінде): келісім керек емес, бұрынғы тіркеу аяқталады',
    ru: 'Постоянная регистрация в своей квартире в Алматы: согласие не нужно, прежняя регистрация прекращается',
  },
  {
    iin: P.guestNurlan,
    order: 152,
    locale: 'kk',
    roles: citizen,
    kk: 'Қарағандыдағы апасының пәтеріне уақытша тіркелу: екі меншік иесінің келісімі сұралады',
    ru: 'Временная регистрация в квартире сестры в Караганде: запрашивается согласие двух собственников',
  },
  {
    iin: P.guestIrina,
    order: 153,
    locale: 'ru',
    roles: citizen,
    kk: 'Қарағандыдағы пәтерге уақытша тіркелу (орыс тілінде): екі меншік иесінің келісімі',
    ru: 'Временная регистрация в квартире в Караганде: согласие двух собственников',
  },
  {
    iin: P.hostDinara,
    order: 154,
    locale: 'kk',
    roles: citizen,
    kk: 'Қарағандыдағы пәтердің ½ үлесінің иесі: уақытша тіркеуге келісім сұрауын алады',
    ru: 'Собственница ½ квартиры в Караганде: получает запрос согласия на временную регистрацию',
  },
  {
    iin: P.hostBerik,
    order: 155,
    locale: 'ru',
    roles: citizen,
    kk: 'Сол пәтердің екінші ½ үлесінің иесі: келісім сұрауын алады',
    ru: 'Второй собственник ½ той же квартиры: получает запрос согласия',
  },
];

/** The personas' portal users and their citizen role (idempotent, like seedPersonas). */
export async function seedResidenceOnline(db: DbOrTx) {
  const rows = RESIDENCE_ONLINE_PERSONAS.map((p) => {
    const spec = CITIZENS.find((c) => c.iin === p.iin);
    if (!spec) throw new Error(`Persona ${p.iin} is not in GBD FL`);
    const [surname, givenName, patronymic] = p.locale === 'kk' ? spec.kk : spec.ru;
    return { iin: p.iin, surname, givenName, patronymic, locale: p.locale, personaKk: p.kk, personaRu: p.ru, personaOrder: p.order };
  });
  await db.insert(users).values(rows).onConflictDoNothing();
  const ids = await db
    .select({ id: users.id })
    .from(users)
    .where(
      inArray(
        users.iin,
        rows.map((r) => r.iin),
      ),
    );
  await db
    .insert(userRoles)
    .values(ids.map((u) => ({ userId: u.id, role: 'citizen' as const })))
    .onConflictDoNothing();
}
