import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CLIENT_MESSAGES, pickMessages, type ClientArea } from '@/lib/i18n/client-messages';

// Picked once per catalogue (one object per locale, loaded once) and area, not on every request.
const picked = new WeakMap<AbstractIntlMessages, Map<ClientArea, AbstractIntlMessages>>();

function areaMessages(all: AbstractIntlMessages, area: ClientArea) {
  let byArea = picked.get(all);
  if (!byArea) picked.set(all, (byArea = new Map()));
  if (!byArea.has(area)) byArea.set(area, pickMessages(all, CLIENT_MESSAGES[area]));
  return byArea.get(area)!;
}

/** The messages this work area's client components use, and no others (lib/i18n/client-messages.ts). */
export async function ClientMessages({ area, children }: { area: ClientArea; children: ReactNode }) {
  return <NextIntlClientProvider messages={areaMessages(await getMessages(), area)}>{children}</NextIntlClientProvider>;
}
