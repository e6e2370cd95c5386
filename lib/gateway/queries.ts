import 'server-only';
import { db } from '@/db';
import { getRegistries } from '@/lib/registries';

/** An invoice as the simulated gateway's hosted page shows it; null for an unknown id. */
export const gatewayInvoice = (invoiceId: string) => getRegistries(db).payments.getInvoice(invoiceId);
