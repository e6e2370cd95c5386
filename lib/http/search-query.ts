import 'server-only';
import { config } from '@/lib/config';
import { openQuery } from './sealed-query';

/** The query a sealed search token carries (`?s=`), or '' when there is none or it is no longer valid. */
export function searchQueryOf(token: string | undefined): string {
  const secret = config().AUTH_SECRET;
  return (secret && openQuery(token, secret)) || '';
}
