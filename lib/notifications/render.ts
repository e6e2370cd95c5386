import { createTranslator } from 'next-intl';
import { formatDateTime, formatMoney } from '@/lib/format';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const messages = { kk, ru } as const;

/**
 * The text of a notification or SMS in the recipient's language. Used both by pages and by the job worker,
 * which has no request, so it builds its translator from the message files directly.
 */
export function notificationText(kind: string, params: Record<string, string | number>, locale: string): string {
  const l = locale === 'ru' ? 'ru' : 'kk';
  const t = createTranslator({ locale: l, messages: messages[l], namespace: 'Notifications' });
  // Money travels in tiyn (`amountTiyn`) and is shown in the reader's locale as `amount`. A name stored in both
  // languages (`dealerKk` + `dealerRu`) is shown in the reader's as `dealer` (issue 15: no «ТОО …» in Kazakh text).
  const shown: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k.endsWith('Tiyn') && typeof v === 'number') shown[k.slice(0, -4)] = formatMoney(v, l);
    // An instant travels as ISO (`untilAt`) and is shown in the reader's date format, Astana time, as `until`.
    else if (k.endsWith('At') && typeof v === 'string' && !Number.isNaN(Date.parse(v))) shown[k.slice(0, -2)] = formatDateTime(v, l);
    else if (/[a-z](Kk|Ru)$/.test(k) && `${k.slice(0, -2)}Kk` in params && `${k.slice(0, -2)}Ru` in params)
      shown[k.slice(0, -2)] = params[`${k.slice(0, -2)}${l === 'kk' ? 'Kk' : 'Ru'}`]!;
    else shown[k] = v;
  }
  return (t.has(kind as never) ? t(kind as never, shown as never) : t('generic', shown as never)) as string;
}
