// The result of an online registration (SPEC §6: "the result is in Digital documents"): the address certificate
// (адрестік анықтама / адресная справка) — its number, whether it is still in force, what the applicant signs,
// and its printable PDF in the applicant's language with a verification QR. Pure apart from the PDF's fonts.
import { renderOfficialDocument } from '@/lib/pdf/official';
import type { ArrivalForm } from './arrival-form';

export type ResidenceKind = 'permanent' | 'temporary';

/** The certificate is numbered after its application (RR-2026-000123 → RRC-2026-000123): one per registration. */
export function certificateNumberOf(applicationNumber: string): string {
  return applicationNumber.replace(/^RR-/, 'RRC-');
}

/** The application number a certificate number came from; null for anything else. */
export function applicationNumberOf(certificateNumber: string): string | null {
  return /^RRC-\d{4}-\d{6}$/.test(certificateNumber) ? certificateNumber.replace(/^RRC-/, 'RR-') : null;
}

export type CertificateState = 'active' | 'ended';

/**
 * In force or ended on `today`: a temporary registration ends after its last day; a permanent one when GBD FL no
 * longer has the person at that dwelling (they registered elsewhere since).
 */
export function certificateState(
  c: { kind: ResidenceKind; stayUntil: string | null; cadastralNumber: string },
  today: string,
  currentPermanentCadastralNumber: string | null,
): CertificateState {
  if (c.kind === 'temporary') return c.stayUntil !== null && today <= c.stayUntil ? 'active' : 'ended';
  return currentPermanentCadastralNumber === c.cadastralNumber ? 'active' : 'ended';
}

/**
 * What the applicant signs with EDS (SPEC §2.3): canonical JSON rebuilt from the stored application — the service,
 * the dwelling, the period, every owner with their share and how they agreed, and the arrival form.
 */
export function applicationDocument(i: {
  number: string;
  kind: ResidenceKind;
  applicant: { iin: string; name: string };
  dwelling: { cadastralNumber: string; regionCode: string; addressRu: string };
  period: { from: string; until: string } | null;
  owners: { iin: string; shareMilli: number; consent: 'applicant' | 'consented' }[];
  arrivalForm: ArrivalForm;
}) {
  return {
    kind: 'qyzmet.residence.application',
    number: i.number,
    service: i.kind,
    applicant: i.applicant,
    dwelling: i.dwelling,
    period: i.period,
    owners: i.owners,
    arrivalForm: i.arrivalForm,
  };
}

export type CertificatePdfInput = {
  certificateNumber: string;
  applicationNumber: string;
  kind: ResidenceKind;
  holder: { name: string; iin: string; birthDate: string };
  address: string;
  cadastralNumber: string;
  registeredOn: string;
  period: { from: string; until: string } | null;
  state: CertificateState;
  printedOn: string;
  verify: { url: string; code: string };
};

const L = {
  kk: {
    title: 'Адрестік анықтама',
    intro: 'Осы анықтама «Жеке тұлғалар» мемлекеттік деректер қорының мәліметтері бойынша берілді.',
    application: 'Өтініш нөмірі',
    holder: 'Азамат',
    iin: 'ЖСН',
    birthDate: 'Туған күні',
    kind: 'Тіркеу түрі',
    permanent: 'Тұрғылықты жері бойынша тіркеу',
    temporary: 'Уақытша болатын (тұратын) жері бойынша уақытша тіркеу',
    address: 'Мекенжайы',
    cadastral: 'Кадастрлық нөмірі',
    registeredOn: 'Тіркелген күні',
    period: 'Тіркеу мерзімі',
    periodValue: (from: string, until: string) => `${from} – ${until}`,
    state: 'Жай-күйі',
    active: 'Қолданыста',
    ended: 'Тіркеу аяқталды',
    printedOn: 'Басып шығарылған күні',
    verify: 'Анықтаманың түпнұсқалығын QR-код бойынша немесе сайтта өтініш нөмірі мен кодты енгізіп тексеріңіз',
  },
  ru: {
    title: 'Адресная справка',
    intro: 'Справка выдана по сведениям государственной базы данных «Физические лица».',
    application: 'Номер заявки',
    holder: 'Гражданин',
    iin: 'ИИН',
    birthDate: 'Дата рождения',
    kind: 'Вид регистрации',
    permanent: 'Регистрация по месту жительства',
    temporary: 'Временная регистрация по месту временного пребывания (проживания)',
    address: 'Адрес',
    cadastral: 'Кадастровый номер',
    registeredOn: 'Дата регистрации',
    period: 'Срок регистрации',
    periodValue: (from: string, until: string) => `${from} – ${until}`,
    state: 'Состояние',
    active: 'Действует',
    ended: 'Регистрация окончена',
    printedOn: 'Дата печати',
    verify: 'Подлинность справки проверяется по QR-коду или на сайте по номеру заявки и коду',
  },
} as const;

/** dd.mm.yyyy, as printed on a certificate. */
const printed = (date: string) => date.split('-').reverse().join('.');

/** The certificate as a one-page PDF in `locale` (the portal's document builder), with the verification QR at the foot. */
export async function renderCertificatePdf(c: CertificatePdfInput, locale: 'kk' | 'ru'): Promise<Uint8Array> {
  const l = L[locale];
  return renderOfficialDocument({
    locale,
    title: l.title,
    number: c.certificateNumber,
    date: printed(c.printedOn),
    intro: l.intro,
    fields: [
      [l.application, c.applicationNumber],
      [l.holder, c.holder.name],
      [l.iin, c.holder.iin],
      [l.birthDate, printed(c.holder.birthDate)],
      [l.kind, l[c.kind]],
      [l.address, c.address],
      [l.cadastral, c.cadastralNumber],
      [l.registeredOn, printed(c.registeredOn)],
      ...(c.period ? [[l.period, l.periodValue(printed(c.period.from), printed(c.period.until))] as const] : []),
      [l.state, l[c.state]],
      [l.printedOn, printed(c.printedOn)],
    ],
    verify: { ...c.verify, text: l.verify },
    createdAt: new Date(`${c.printedOn}T12:00:00+05:00`),
  });
}
