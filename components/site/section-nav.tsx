'use client';

import { usePathname } from '@/i18n/navigation';
import { currentLink } from '@/lib/site/current-link';
import { CurrentLink } from './current-link';
import { MenuDisclosure } from './menu-disclosure';

/**
 * An area's tabs: in a row from `md` up; below it one button naming the current tab that opens the list, so a
 * phone shows the content first. The current tab carries `aria-current="page"`.
 */
export function SectionNav({
  label,
  items,
  menuLabel,
}: {
  /** The navigation landmark's name. */
  label: string;
  items: readonly { href: string; label: string }[];
  /** The button's text when no tab is current. */
  menuLabel: string;
}) {
  const hrefs = items.map((i) => i.href);
  const current = currentLink(usePathname(), hrefs);
  const currentLabel = items.find((i) => i.href === current)?.label ?? menuLabel;
  return (
    <nav aria-label={label} className="border-b border-line pb-2">
      <MenuDisclosure
        label={currentLabel}
        testId="section-nav"
        buttonClassName="flex w-full items-center justify-between gap-2 rounded border border-line bg-white px-3 py-2 text-left font-medium text-brand-700 focus-visible:outline-3 focus-visible:outline-brand-500"
        panelClassName="mt-2 md:mt-0"
      >
        <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap md:gap-2">
          {items.map((item) => (
            <li key={item.href}>
              <CurrentLink
                href={item.href}
                among={hrefs}
                className="block rounded px-3 py-2 font-medium text-brand-700 underline-offset-4 hover:underline"
                currentClassName="bg-brand-50 text-brand-800 underline decoration-2"
              >
                {item.label}
              </CurrentLink>
            </li>
          ))}
        </ul>
      </MenuDisclosure>
    </nav>
  );
}
