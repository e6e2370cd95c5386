// The CON's printed referral to the online service (order 003): reception's advice for a dwelling whose owners can
// act themselves (p.5), and the operating hall's refusal on a failed check (p.8), each with where the service is
// online — this portal's page, egov.kz, eGov Mobile and the CON's self-service sector. Pure: the reason's text and
// the addresses come from the caller, so this module reads no messages.
import { localDateTime } from '@/lib/calendar/local';
import { renderDocument, type Block } from '@/lib/pdf/document';

export type PdfLocale = 'kk' | 'ru';

/** egov.kz's page of the service (Прописка по месту жительства), in the person's language. */
export const egovServiceUrl = (locale: PdfLocale) => `https://egov.kz/cms/${locale}/online-services/for_citizen/pass001_mvd`;

export type ConReferral = {
  kind: 'reception_online' | 'refused';
  /** The reason in the person's language (the warning of the check, or reception's finding). */
  reason: string;
  /** The dwelling's cadastral number, when reception named one. */
  cadastralNumber?: string | null;
  /** The portal's own service page, absolute. */
  portalUrl: string;
  con: string;
  worker: { name: string; role: string };
  at: Date;
};

const L = {
  kk: {
    reception_online: 'Мемлекеттік қызметті онлайн алу туралы жадынама',
    refused: 'ХҚКО-да мемлекеттік қызмет көрсетуден бас тарту туралы хабарлама',
    service: 'Қазақстан Республикасы азаматтарын тұрғылықты жері бойынша тіркеу; уақытша болатын (тұратын) жері бойынша уақытша тіркеу',
    intro: {
      reception_online:
        'Тұрғын үйдің меншік иесі кәмелетке толмаған немесе әрекетке қабілетсіз тұлға емес. Қызметті онлайн форматта, оның ішінде ХҚКО-ның өзіне-өзі қызмет көрсету секторында алыңыз (бірлескен бұйрыққа қосымшаның 5-тармағы).',
      refused:
        'ХҚКО-да жүргізілген тексерудің нәтижесі теріс болды: бұл қызметті ХҚКО-да көрсету мүмкін емес. Қызметті «электрондық үкімет» порталы, eGov Mobile мобильді қосымшасы арқылы онлайн алыңыз (бірлескен бұйрыққа қосымшаның 8-тармағы).',
    },
    reason: 'Себебі',
    dwelling: 'Тұрғын үйдің кадастрлық нөмірі',
    where: 'Қызметті қайдан алуға болады',
    portal: 'Портал',
    egov: 'egov.kz',
    mobile: 'eGov Mobile мобильді қосымшасы: «Мемлекеттік қызметтер» → «Жылжымайтын мүлік және ТКШ»',
    selfService: 'ХҚКО-ның өзіне-өзі қызмет көрсету секторы',
    needs: 'Қажет: ЭЦҚ немесе бір реттік SMS-құпиясөз (ұялы байланыс абоненттерінің базасында тіркелген нөмір).',
    con: 'ХҚКО',
    worker: 'Қызметкер',
    date: 'Күні',
    page: (p: number, t: number) => `${t} беттің ${p}-беті`,
  },
  ru: {
    reception_online: 'Памятка о получении государственной услуги в онлайн формате',
    refused: 'Уведомление о невозможности оказания государственной услуги в ЦОН',
    service:
      'Регистрация по месту жительства граждан Республики Казахстан; временная регистрация по месту временного пребывания (проживания)',
    intro: {
      reception_online:
        'Собственник жилища не является несовершеннолетним или недееспособным лицом. Получите услугу в онлайн формате, в том числе в секторе самообслуживания ЦОН (пункт 5 приложения к совместному приказу).',
      refused:
        'Проверка в ЦОН дала отрицательный результат: оказать услугу в ЦОН невозможно. Получите услугу в онлайн формате посредством портала «электронного правительства» или мобильного приложения eGov Mobile (пункт 8 приложения к совместному приказу).',
    },
    reason: 'Причина',
    dwelling: 'Кадастровый номер жилища',
    where: 'Где получить услугу',
    portal: 'Портал',
    egov: 'egov.kz',
    mobile: 'Мобильное приложение eGov Mobile: «Госуслуги» → «Недвижимость и ЖКХ»',
    selfService: 'Сектор самообслуживания ЦОН',
    needs: 'Понадобится ЭЦП или одноразовый SMS-пароль (номер, зарегистрированный в базе мобильных граждан).',
    con: 'ЦОН',
    worker: 'Работник',
    date: 'Дата',
    page: (p: number, t: number) => `Страница ${p} из ${t}`,
  },
} as const;

/** The referral's content in the person's language: what it says, and where the service is online. */
export function conReferralBlocks(r: ConReferral, locale: PdfLocale): Block[] {
  const l = L[locale];
  return [
    { kind: 'title', text: l[r.kind] },
    { kind: 'paragraph', text: l.service, bold: true },
    { kind: 'paragraph', text: l.intro[r.kind] },
    {
      kind: 'table',
      columns: [
        { header: '', weight: 1 },
        { header: '', weight: 2.5 },
      ],
      rows: [
        [l.reason, r.reason],
        ...(r.cadastralNumber ? [[l.dwelling, r.cadastralNumber]] : []),
        [l.con, r.con],
        [l.date, localDateTime(r.at)],
      ],
    },
    { kind: 'heading', text: l.where },
    {
      kind: 'table',
      columns: [
        { header: '', weight: 1 },
        { header: '', weight: 2.5 },
      ],
      rows: [
        [l.portal, r.portalUrl],
        [l.egov, egovServiceUrl(locale)],
      ],
    },
    { kind: 'paragraph', text: `${l.mobile}\n${l.selfService}` },
    { kind: 'paragraph', text: l.needs },
    { kind: 'spacer', height: 20 },
    { kind: 'paragraph', text: `${l.worker}: ${r.worker.role}, ${r.worker.name}` },
  ];
}

/** The referral as a PDF in the person's language. */
export function renderConReferralPdf(r: ConReferral, locale: PdfLocale): Promise<Uint8Array> {
  const l = L[locale];
  return renderDocument({
    title: l[r.kind],
    language: locale,
    blocks: conReferralBlocks(r, locale),
    footer: (p, t) => l.page(p, t),
    createdAt: r.at,
  });
}
