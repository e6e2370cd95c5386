/** Each pilot's page of an application in the citizen's cabinet. */
export const cabinetPathOf = { vehicle: 'vehicle', id_card: 'id-card', machinery: 'machinery', residence: 'residence' } as const;

/** Notifications for the vehicle's dealer: their link is the dealer's page of the application. */
const dealerKinds = new Set(['vehicle_declined', 'vehicle_refused_dealer', 'vehicle_expired_dealer']);
/** Notifications for a residence owner asked for consent: not the owner's application, so no application link. */
const ownerKinds = new Set(['residence_consent_requested', 'residence_consent_reminder', 'residence_consent_cancelled']);

/**
 * Pure (issue 15): where a notification leads its reader — a page it names itself (`params.path`, e.g. an owner's
 * consent request), else its application's page for that reader (the cabinet for the applicant, the dealer's page
 * for the dealer), else nowhere.
 */
export function notificationHref(n: {
  kind: string;
  params: Record<string, string | number>;
  applicationId: string | null;
  pilot: string | null;
}): string | null {
  const path = n.params.path;
  if (typeof path === 'string' && /^\/cabinet\/[\w/-]+$/.test(path)) return path;
  if (!n.applicationId || !n.pilot || ownerKinds.has(n.kind)) return null;
  if (dealerKinds.has(n.kind)) return n.pilot === 'vehicle' ? `/dealer/vehicle-registrations/${n.applicationId}` : null;
  const page = cabinetPathOf[n.pilot as keyof typeof cabinetPathOf];
  return page ? `/cabinet/${page}/${n.applicationId}` : null;
}
