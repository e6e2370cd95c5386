'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FileField, Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { useUploadAction } from '@/components/ui/use-upload';

/** Steps 9–11: one upload (photo or signature sample); every failed requirement is listed in the person's language. */
export function UploadForm({ id, version, kind }: { id: string; version: number; kind: 'photo' | 'signature' }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const errorText = useErrorText();
  // Posted with fetch to its route, not a server action: a phone photo is shrunk in the browser first, an
  // oversized file is the field's message, and the page refreshes in place (the form above keeps what was typed).
  const upload = useUploadAction(`/api/uploads/id-card/${kind}`, kind === 'photo' ? 'idCardPhoto' : 'idCardSignature');
  const [state, action] = useActionState<ActionResult, FormData>(upload, initialActionState);
  const problems = !state.ok ? ((state.data as { problems?: string[] } | undefined)?.problems ?? []) : [];
  const fieldErrors = !state.ok ? state.fieldErrors?.file?.map((c) => errorText(c)) : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locale" value={locale} />
      <FileField
        name="file"
        id={`${kind}-file`}
        label={t(kind === 'photo' ? 'photoFile' : 'signatureFile')}
        hint={t(kind === 'photo' ? 'photoFileHint' : 'signatureFileHint')}
        accept={kind === 'photo' ? 'image/jpeg' : 'image/png,image/jpeg'}
        error={fieldErrors}
      />
      {state.ok && state.message === kind ? <Notice tone="success" title={t(`saved_${kind}`)} /> : null}
      {!state.ok && state.code !== 'invalid' ? (
        <Notice tone="error" title={errorText(state.code, state.params)}>
          {problems.length ? (
            <ul className="list-disc pl-5" data-testid={`${kind}-problems`}>
              {problems.map((p) => (
                <li key={p}>{t(`${kind}Problems.${p}` as never)}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <div>
        <SubmitButton variant="secondary" pendingLabel={t('uploading')}>
          {t('upload')}
        </SubmitButton>
      </div>
    </form>
  );
}
