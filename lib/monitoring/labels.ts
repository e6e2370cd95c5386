import 'server-only';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Labels } from './tables';

// Where a refusal's stored code has its words already (each pilot names its reasons in its own namespace).
const reasonNamespaces = ['Machinery.refusal', 'Residence.refusal', 'ResidenceCon.refusal', 'IdCard.annulReasons', 'Errors'];

/** The words of the supervisor's tables in one language: never a raw code (an unknown one reads "another reason"). */
export async function monitoringLabels(
  locale: Locale,
  names: { regions: Map<string, { nameKk: string; nameRu: string }>; akimats: Map<number, { nameKk: string; nameRu: string }> },
): Promise<Labels> {
  const [t, all, format] = await Promise.all([
    getTranslations({ locale, namespace: 'Monitoring' }),
    getTranslations({ locale }),
    getFormatter({ locale }),
  ]);
  const has = (key: string) => all.has(key as never);
  const text = (key: string) => all(key as never) as string;
  const named = (n: { nameKk: string; nameRu: string } | undefined) => (n ? (locale === 'kk' ? n.nameKk : n.nameRu) : '—');
  return {
    m: (key, values) => t(key as never, values as never) as string,
    status: (s) => (has(`Status.${s}`) ? text(`Status.${s}`) : s),
    system: (s) => (has(`Admin.systems.${s}`) ? text(`Admin.systems.${s}`) : s),
    reason: (key) => {
      const [event = '', code = ''] = key.split('|');
      const ns = code ? reasonNamespaces.find((n) => has(`${n}.${code}`)) : undefined;
      // A message with placeholders (an error text with its details) cannot be read without them: the event's words.
      if (ns && !/[{]/.test(all.raw(`${ns}.${code}` as never) as string)) return text(`${ns}.${code}`);
      return has(`Monitoring.refusalEvent.${event}`) ? text(`Monitoring.refusalEvent.${event}`) : t('refusalEvent.other');
    },
    region: (code) => (code === null ? '—' : named(names.regions.get(code))),
    akimat: (id) => (id === null ? '—' : named(names.akimats.get(id))),
    number: (n) => format.number(n),
    percent: (share) => format.number(share, { style: 'percent', maximumFractionDigits: 1 }),
    dateTime: (at) => format.dateTime(at, { dateStyle: 'short', timeStyle: 'short' }),
  };
}
