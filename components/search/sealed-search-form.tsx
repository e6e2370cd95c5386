import { TextField } from '@/components/ui';
import { sealedSearchAction } from '@/lib/http/search-actions';

type Props = {
  search: 'reception' | 'registrationPoint' | 'certificates' | 'users';
  locale: 'kk' | 'ru';
  label: string;
  hint?: string;
  submit: string;
  /** The query shown back in the field (from the sealed token). */
  defaultValue: string;
  /** The search landmark's name: not the field's label (two elements of one name confuse assistive technology). */
  ariaLabel: string;
  width?: 'sm' | 'md';
};

/** A staff search that may take an IIN: posted, and returned to the page as an opaque token, never as `?q=<IIN>`. */
export function SealedSearchForm({ search, locale, label, hint, submit, defaultValue, ariaLabel, width = 'sm' }: Props) {
  return (
    <form action={sealedSearchAction} role="search" aria-label={ariaLabel} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="search" value={search} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="q" label={label} hint={hint} defaultValue={defaultValue} width={width} autoComplete="off" />
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        {submit}
      </button>
    </form>
  );
}
