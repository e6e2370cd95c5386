'use client';

// Step 4 of order 003 p.10: the nine choices exactly as the order lists them, each with what it means in plain
// words; the choices that need it open their follow-up question (which parent is shared, which side) by CSS alone
// (`peer-checked`), so the server-rendered form works without JavaScript too. What was picked stays on an error.
import { useLocale, useTranslations } from 'next-intl';
import { FormErrorSummary, Notice, RadioGroup, SubmitButton } from '@/components/ui';
import { FieldErrors } from '@/components/ui/field';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { submitAstanaClaimAction } from '@/lib/residence/astana-actions';
import { astanaRelations, followUpOf, parentRoles } from '@/lib/residence/astana-step-rules';

export function AstanaClaimForm({ id }: { id: string }) {
  const t = useTranslations('ResidenceAstana');
  const te = useTranslations('Errors');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(submitAstanaClaimAction);
  const relationErrors = err('relation');
  const picked = v('relation');
  const followUp = (name: 'sharedParent' | 'grandparentSide' | 'grandchildSide') => (
    <RadioGroup
      name={name}
      legend={t(`${name}Legend`)}
      required
      error={err(name)}
      defaultValue={v(name)}
      options={parentRoles.map((p) => ({ value: p, label: t(`${name}.${p}`) }))}
    />
  );
  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      <HiddenFields fields={{ id, locale }} />
      <FormErrorSummary title={te('invalid')} errors={summary} focusKey={state} />
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <fieldset
        aria-describedby={relationErrors?.length ? 'relation-error' : undefined}
        className={relationErrors?.length ? 'border-l-4 border-danger-700 pl-4' : undefined}
      >
        <legend className="mb-1 text-lg font-semibold text-ink">
          {t('relationLegend')}
          <span aria-hidden="true" className="ml-1 text-danger-700">
            *
          </span>
        </legend>
        <FieldErrors id="relation-error" errors={relationErrors ?? []} />
        <div className="mt-3 flex flex-col gap-4">
          {astanaRelations.map((relation, i) => {
            const optionId = i === 0 ? 'relation' : `relation-${relation}`;
            const next = followUpOf(relation);
            return (
              <div key={relation} className="grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-2">
                <input
                  type="radio"
                  id={optionId}
                  name="relation"
                  value={relation}
                  defaultChecked={picked === relation}
                  aria-describedby={`${optionId}-hint`}
                  className="peer mt-0.5 size-6 shrink-0 cursor-pointer accent-brand-700"
                />
                <div>
                  <label htmlFor={optionId} className="cursor-pointer font-medium text-ink">
                    {t(`relation.${relation}`)}
                  </label>
                  <div id={`${optionId}-hint`} className="text-ink-muted">
                    {t(`relationHint.${relation}`)}
                  </div>
                </div>
                {next ? (
                  <div className="col-start-2 hidden rounded-md border border-line bg-slate-50 p-4 peer-checked:block">
                    {followUp(next)}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
      <div>
        <SubmitButton pendingLabel={t('checking')}>{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
