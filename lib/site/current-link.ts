/**
 * Which of a menu's links is the page being shown (its `aria-current="page"`): the one whose path is the current
 * path or its longest prefix at a segment boundary, so `/cabinet/payments/123` marks "Payments" and not
 * "My applications" (`/cabinet`). Paths are without the locale prefix (next-intl's `usePathname`).
 */
export function currentLink(pathname: string, hrefs: readonly string[]): string | undefined {
  const path = normalise(pathname);
  let best: string | undefined;
  for (const href of hrefs) {
    const h = normalise(href);
    const matches = h === '/' ? path === '/' : path === h || path.startsWith(`${h}/`);
    if (matches && (best === undefined || h.length > normalise(best).length)) best = href;
  }
  return best;
}

/** Without the query, the fragment and a trailing slash. */
function normalise(p: string): string {
  const bare = p.split(/[?#]/)[0] || '/';
  return bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare;
}
