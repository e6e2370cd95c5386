/** What the person's authentication key signs to sign in: the one-time nonce, bound to this portal. */
export function challengeDocument(nonce: string) {
  return { purpose: 'qyzmet-sign-in', nonce };
}
