'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import {
  FormErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
  TextareaField,
  errorSummaryItems,
  initialActionState,
  type ActionResult,
} from '@/components/ui';
import type { ColumnSpec } from '@/lib/admin/reference-tables';
import { saveReferenceRowAction } from '@/lib/admin/actions';

/** Edits one reference row; what the admin typed stays in the fields when the server refuses it. */
export function ReferenceRowForm({
  table,
  rowKey,
  columns,
  initial,
}: {
  table: string;
  rowKey: string;
  columns: readonly ColumnSpec[];
  initial: Record<string, string>;
}) {
  const t = useTranslations('Admin');
  const te = useTranslations('Errors');
  const tc = useTranslations('Common');
  const [state, action] = useActionState<ActionResult, FormData>(saveReferenceRowAction, initialActionState);
  const isNew = rowKey === 'new';
  const value = (name: string) => (!state.ok && state.values && name in state.values ? state.values[name] : initial[name]) ?? '';
  const errorsOf = (name: string) => (!state.ok ? state.fieldErrors?.[name]?.map((c) => te(c as never)) : undefined);
  const label = (name: string) => (t.has(`columns.${name}` as never) ? t(`columns.${name}` as never) : name);
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-5" noValidate>
      <input type="hidden" name="_table" value={table} />
      <input type="hidden" name="_key" value={rowKey} />
      {state.ok && state.message ? <Notice tone="success">{t('saved')}</Notice> : null}
      {!state.ok && state.code !== 'invalid' ? <Notice tone="error">{te(state.code as never)}</Notice> : null}
      <FormErrorSummary
        title={te('invalid')}
        errors={errorSummaryItems(state).map((e) => ({ ...e, message: `${label(e.fieldId)}: ${te(e.message as never)}` }))}
        focusKey={state}
      />
      {columns
        .filter((c) => !(c.generated && isNew))
        .map((c) => {
          const readOnly = c.key && !isNew;
          if (c.kind === 'bool') {
            return (
              <div key={c.name} className="flex items-center gap-3">
                <input id={c.name} name={c.name} type="checkbox" defaultChecked={value(c.name) === 'true'} className="size-5" />
                <label htmlFor={c.name} className="font-medium">
                  {label(c.name)}
                </label>
              </div>
            );
          }
          if (c.kind === 'enum') {
            return (
              <SelectField
                key={c.name}
                name={c.name}
                label={label(c.name)}
                defaultValue={value(c.name)}
                disabled={readOnly}
                options={(c.options ?? []).map((o) => ({ value: o, label: o }))}
                error={errorsOf(c.name)}
              />
            );
          }
          if (c.kind === 'json') {
            return (
              <TextareaField
                key={c.name}
                name={c.name}
                label={label(c.name)}
                hint={t('jsonHint')}
                defaultValue={value(c.name)}
                error={errorsOf(c.name)}
                rows={4}
              />
            );
          }
          return (
            <TextField
              key={c.name}
              name={c.name}
              label={label(c.name)}
              defaultValue={value(c.name)}
              readOnly={readOnly}
              required={!c.optional}
              error={errorsOf(c.name)}
              hint={c.kind === 'date' ? t('dateHint') : c.kind === 'list' ? t('listHint') : undefined}
              inputMode={c.kind === 'int' ? 'numeric' : undefined}
            />
          );
        })}
      <div>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
    </form>
  );
}
