import { createTranslator } from 'next-intl';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const messages = { kk, ru } as const;

/**
 * The text of a notification or SMS in the recipient's language. Used both by pages and by the job worker,
 * which has no request, so it builds its translator from the message files directly.
 */
export async function notificationText(kind: string, params: Record<string, string | number>, locale: string): Promise<string> {
  const l = locale === 'ru' ? 'ru' : 'kk';
  const t = createTranslator({ locale: l, messages: messages[l], namespace: 'Notifications' });
  return (t.has(kind as never) ? t(kind as never, params as never) : t('generic', params as never)) as string;
}
