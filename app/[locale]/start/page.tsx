import { getLocale } from 'next-intl/server';
import { redirect } from '@/i18n/navigation';
import { requireActor } from '@/lib/auth/guards';
import { roleHome, roleOrder } from '@/lib/auth/roles';

/** After sign-in: each person lands in the work area of their most specific role. */
export default async function StartPage() {
  const actor = await requireActor();
  const locale = await getLocale();
  const role = roleOrder.find((r) => actor.grants.some((g) => g.role === r));
  return redirect({ href: role ? roleHome[role] : '/', locale });
}
