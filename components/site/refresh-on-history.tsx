'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

// Back and Forward show a page from the browser's or the router's cache, as it was: after paying, Back would
// show a live "Pay" button again (issue 15). A page that shows a payment state renders this, and is re-read
// from the server whenever it is shown from history.

let shownFromHistory = false;
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    shownFromHistory = true;
  });
}

export function RefreshOnHistoryShow() {
  const router = useRouter();
  useEffect(() => {
    // Mounted by a Back/Forward inside the app: the router restored its cached copy of this page.
    if (shownFromHistory) {
      shownFromHistory = false;
      router.refresh();
    }
    // Restored whole from the browser's back/forward cache (e.g. Back from the bank's page).
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) router.refresh();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [router]);
  return null;
}
