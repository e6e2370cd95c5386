import { notFound } from 'next/navigation';

/** Any path under a locale that no page matches: the localized 404 inside the site's layout (header, lang). */
export default function CatchAll() {
  notFound();
}
