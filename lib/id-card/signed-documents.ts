// What the citizen signs at step 12, and what the UMS DP officer signs at step 18: canonical JSON rebuilt from
// the stored application, so the server verifies the CMS over exactly these bytes (SPEC §2.3).

export type RequestDocumentInput = {
  number: string;
  iin: string;
  name: string;
  currentCard: { number: string; issuedOn: string; expiresOn: string };
  registrationPoint: { id: number; nameRu: string };
  phone: string;
  email: string | null;
  photoSha256: string;
  signatureSampleSha256: string;
};

/** Step 12: the renewal request (the reason is always the card's expiry: the only one the pilot serves). */
export function requestDocument(i: RequestDocumentInput) {
  return {
    kind: 'qyzmet.id-card-renewal.request',
    number: i.number,
    reason: 'expiry',
    applicant: { iin: i.iin, name: i.name },
    currentCard: i.currentCard,
    pickup: i.registrationPoint,
    contacts: { phone: i.phone, email: i.email },
    photoSha256: i.photoSha256,
    signatureSampleSha256: i.signatureSampleSha256,
  };
}

/** Step 18: the reviewer's approval, bound to the citizen's request by its hash. */
export function approvalDocument(i: { number: string; requestSha256: string; reviewerIin: string; regionCode: string }) {
  return {
    kind: 'qyzmet.id-card-renewal.approval',
    number: i.number,
    requestSha256: i.requestSha256,
    reviewer: i.reviewerIin,
    region: i.regionCode,
    decision: 'approve',
  };
}
