// Order p.16–17: the documents that were the basis of a decision stay at the front office for one month, then
// go to the akimat (the service provider, услугодатель / көрсетілетін қызметті беруші) under an act of acceptance
// and transfer (акт приема-передачи / қабылдау-тапсыру актісі) in two copies, signed by the akimat and the head
// of the front office. Pure: the due date, the canonical act both parties sign byte-identically, and its PDF.
import { localDate, localDateTime, localDayStart, parseLocalDate } from '@/lib/calendar/local';
import { canonicalBytes, sha256Hex, type JsonValue } from '@/lib/signatures/canonical';
import { renderDocument, type Block } from '@/lib/pdf/document';

export type PdfLocale = 'kk' | 'ru';

/** The local (Almaty) date one calendar month after `dateIso`, clamped to the month's end (31 Jan → 28/29 Feb). */
export function addOneMonth(dateIso: string): string {
  const d = parseLocalDate(dateIso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1; // the next month, 0-based
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

export type TransferDue = {
  /** The local date from which the documents are due for transfer. */
  dueDate: string;
  /** The instant that local day begins. */
  dueAt: Date;
  /** Whether, at `now`, the month has passed. */
  due: boolean;
};

/** When the documents of a decision taken at `decidedAt` are due for transfer to the akimat (one month, local dates). */
export function dueForTransfer(decidedAt: Date, now: Date = new Date()): TransferDue {
  const dueDate = addOneMonth(localDate(decidedAt));
  return { dueDate, dueAt: localDayStart(dueDate), due: localDate(now) >= dueDate };
}

export type ActDocument = { code: string; name: string; sha256: string };
export type ActApplication = {
  number: string;
  action: string;
  machine: { kind: string; make: string; model: string; serialNumber: string; plate?: string | null };
  decision: 'approved' | 'refused' | 'issued';
  decidedAt: Date;
  documents: ActDocument[];
};
export type ActInput = {
  number: string;
  /** The act's local date, YYYY-MM-DD. */
  date: string;
  akimat: { id: string; name: string };
  con: { id: string; name: string };
  applications: ActApplication[];
};

export type CanonicalAct = {
  type: 'machinery.transfer_act';
  version: 1;
  number: string;
  date: string;
  akimat: { id: string; name: string };
  con: { id: string; name: string };
  applications: {
    number: string;
    action: string;
    decision: string;
    decidedAt: string;
    machine: { kind: string; make: string; model: string; serialNumber: string; plate: string | null };
    documents: ActDocument[];
  }[];
};

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The act as a canonical JSON object: the same input gives the same bytes (`canonicalBytes`) on both sides,
 * whatever the order the applications and documents were loaded in (they are sorted by number and by code/hash).
 */
export function canonicalAct(input: ActInput): CanonicalAct {
  parseLocalDate(input.date);
  if (!input.number.trim()) throw new RangeError('act number is empty');
  if (input.applications.length === 0) throw new RangeError('an act lists at least one application');
  const numbers = new Set(input.applications.map((a) => a.number));
  if (numbers.size !== input.applications.length) throw new RangeError('an application is listed twice');
  const applications = [...input.applications]
    .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))
    .map((a) => {
      for (const d of a.documents) {
        if (!SHA256.test(d.sha256)) throw new RangeError(`document ${d.code} of ${a.number}: not a lowercase SHA-256`);
      }
      const documents = [...a.documents]
        .sort((x, y) => (x.code + x.sha256 < y.code + y.sha256 ? -1 : x.code + x.sha256 > y.code + y.sha256 ? 1 : 0))
        .map((d) => ({ code: d.code, name: d.name, sha256: d.sha256 }));
      return {
        number: a.number,
        action: a.action,
        decision: a.decision,
        decidedAt: a.decidedAt.toISOString(),
        machine: {
          kind: a.machine.kind,
          make: a.machine.make,
          model: a.machine.model,
          serialNumber: a.machine.serialNumber,
          plate: a.machine.plate ?? null,
        },
        documents,
      };
    });
  return {
    type: 'machinery.transfer_act',
    version: 1,
    number: input.number,
    date: input.date,
    akimat: { id: input.akimat.id, name: input.akimat.name },
    con: { id: input.con.id, name: input.con.name },
    applications,
  };
}

/** The bytes each party signs. */
export function actBytes(act: CanonicalAct): Uint8Array<ArrayBuffer> {
  return canonicalBytes(act satisfies JsonValue);
}

/** The SHA-256 of the signed bytes, printed on the act so a paper copy can be matched to the signed one. */
export function actHash(act: CanonicalAct): Promise<string> {
  return sha256Hex(actBytes(act));
}

export type ActSigner = { name: string; role: string; signedAt?: Date | null; certificateSerial?: string | null };
export type ActSignatures = { akimat?: ActSigner; frontOffice?: ActSigner };

const L = {
  kk: {
    title: (n: string) => `Қабылдау-тапсыру актісі № ${n}`,
    copy: (i: number) => `${i}-дана`,
    date: 'Күні',
    basis:
      'Шешім қабылдауға негіз болған құжаттар ХҚКО-да бір ай сақталғаннан кейін көрсетілетін қызметті берушіге осы акт бойынша тапсырылады (Алгоритмнің 16–17-тармақтары).',
    transfers: 'Тапсырушы (ХҚКО)',
    accepts: 'Қабылдаушы (көрсетілетін қызметті беруші)',
    cols: ['№', 'Өтініш', 'Іс-әрекет', 'Техника', 'Шешім', 'Құжаттар (SHA-256)'],
    decision: { approved: 'Оң', refused: 'Бас тарту', issued: 'Берілді' } as Record<string, string>,
    hash: 'Актінің SHA-256 хэші',
    signatures: 'Қолдар',
    headCon: 'ХҚКО фронт-офисінің басшысы',
    akimatSigner: 'Көрсетілетін қызметті беруші (әкімдік)',
    name: 'Аты-жөні',
    role: 'Лауазымы',
    signedAt: 'Қол қойылған уақыты',
    serial: 'Сертификаттың сериялық нөмірі',
    notSigned: 'қол қойылмаған',
    page: (p: number, t: number) => `${t} беттің ${p}-беті`,
  },
  ru: {
    title: (n: string) => `Акт приема-передачи № ${n}`,
    copy: (i: number) => `Экземпляр ${i}`,
    date: 'Дата',
    basis:
      'Документы, послужившие основанием для принятия решения, после хранения в ЦОН в течение одного месяца передаются услугодателю по настоящему акту (пункты 16–17 Алгоритма).',
    transfers: 'Передал (ЦОН)',
    accepts: 'Принял (услугодатель)',
    cols: ['№', 'Заявление', 'Действие', 'Техника', 'Решение', 'Документы (SHA-256)'],
    decision: { approved: 'Положительное', refused: 'Отказ', issued: 'Выдано' } as Record<string, string>,
    hash: 'SHA-256 акта',
    signatures: 'Подписи',
    headCon: 'Руководитель фронт-офиса ЦОН',
    akimatSigner: 'Услугодатель (акимат)',
    name: 'ФИО',
    role: 'Должность',
    signedAt: 'Подписано',
    serial: 'Серийный номер сертификата',
    notSigned: 'не подписано',
    page: (p: number, t: number) => `Страница ${p} из ${t}`,
  },
} as const;

function signerBlock(heading: string, s: ActSigner | undefined, l: (typeof L)[PdfLocale]): Block[] {
  const lines = [
    `${l.name}: ${s?.name ?? '________________________'}`,
    `${l.role}: ${s?.role ?? '________________________'}`,
    `${l.signedAt}: ${s?.signedAt ? localDateTime(s.signedAt) : l.notSigned}`,
  ];
  if (s?.signedAt && s.certificateSerial) lines.push(`${l.serial}: ${s.certificateSerial}`);
  return [
    { kind: 'heading', text: heading },
    { kind: 'paragraph', text: lines.join('\n') },
  ];
}

/** The act as a PDF in `locale`, in two copies (one section each), with both signature blocks. */
export async function renderTransferActPdf(
  act: CanonicalAct,
  locale: PdfLocale,
  opts: {
    signatures?: ActSignatures;
    actionName?: (code: string) => string;
    kindName?: (code: string) => string;
    /** A document's name in `locale` by its checklist code; the frozen name when it has none. */
    documentName?: (code: string) => string | undefined;
  } = {},
): Promise<Uint8Array> {
  const l = L[locale];
  const hash = await actHash(act);
  const actionName = opts.actionName ?? ((c: string) => c);
  const kindName = opts.kindName ?? ((c: string) => c);
  const rows = act.applications.map((a, i) => [
    String(i + 1),
    a.number,
    actionName(a.action),
    [kindName(a.machine.kind), `${a.machine.make} ${a.machine.model}`, a.machine.serialNumber, a.machine.plate ?? '']
      .filter(Boolean)
      .join(', '),
    `${l.decision[a.decision] ?? a.decision}, ${localDateTime(new Date(a.decidedAt))}`,
    a.documents.map((d) => `${opts.documentName?.(d.code) ?? d.name}: ${d.sha256}`).join('\n'),
  ]);
  const copy = (i: number): Block[] => [
    { kind: 'paragraph', text: l.copy(i), bold: true },
    { kind: 'title', text: l.title(act.number) },
    { kind: 'paragraph', text: `${l.date}: ${act.date}` },
    { kind: 'paragraph', text: `${l.transfers}: ${act.con.name}\n${l.accepts}: ${act.akimat.name}` },
    { kind: 'paragraph', text: l.basis },
    {
      kind: 'table',
      columns: l.cols.map((header, c) => ({ header, weight: [0.4, 1.3, 1.2, 1.8, 1.2, 3][c] })),
      rows,
    },
    { kind: 'paragraph', text: `${l.hash}: ${hash}`, size: 8 },
    { kind: 'heading', text: l.signatures },
    ...signerBlock(l.headCon, opts.signatures?.frontOffice, l),
    ...signerBlock(l.akimatSigner, opts.signatures?.akimat, l),
  ];
  return renderDocument({
    title: l.title(act.number),
    language: locale,
    blocks: [...copy(1), { kind: 'pageBreak' }, ...copy(2)],
    footer: (p, t) => `${l.title(act.number)} — ${l.page(p, t)}`,
    createdAt: parseLocalDate(act.date),
  });
}

// p.17: the act is signed by both parties, in either order, over the same frozen canonical act.
export type TransferActStatus = 'draft' | 'signed_by_akimat' | 'signed_by_con' | 'completed';
export type ActSide = 'akimat' | 'con_head';

/**
 * Pure: the act's status once `side` has signed it. Draft → signed by that side; signed by the other side →
 * completed. A side signing twice, or anything after completion, is illegal (`transfer_act_already_signed`).
 */
export function nextActStatus(status: TransferActStatus, side: ActSide): TransferActStatus {
  const signed = side === 'akimat' ? 'signed_by_akimat' : 'signed_by_con';
  const other = side === 'akimat' ? 'signed_by_con' : 'signed_by_akimat';
  if (status === 'draft') return signed;
  if (status === other) return 'completed';
  throw new RangeError('transfer_act_already_signed');
}

/** Whether `side` has signed an act in `status`. */
export function hasSigned(status: TransferActStatus, side: ActSide): boolean {
  return status === 'completed' || status === (side === 'akimat' ? 'signed_by_akimat' : 'signed_by_con');
}
