'use client';

import { useLocale, useTranslations } from 'next-intl';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button, FileField, Notice, SubmitButton, TextField, initialActionState, type ActionResult } from '@/components/ui';
import { edsSignInAction, requestChallengeAction } from '@/lib/auth/actions';
import { challengeDocument } from '@/lib/signatures/documents';
import { SigningError } from './signing-error';

// pkijs and the CMS code (about 100 KB) load when someone signs in with EDS, not with the page.
const signing = () => import('./key-file');

/**
 * Sign-in with EDS: the server's one-time challenge is signed in the browser with the person's authentication
 * key — from a key file (PKCS#12, opened here) or through NCALayer — and only the CMS goes to the server.
 * `next`: the service to return to after sign-in (validated again by the action).
 */
export function EdsSignIn({ next }: { next?: string }) {
  const t = useTranslations('Eds');
  const te = useTranslations('Errors');
  const locale = useLocale() as 'kk' | 'ru';
  const [state, action] = useActionState<ActionResult, FormData>(edsSignInAction, initialActionState);
  const [problem, setProblem] = useState<{ code: string; params?: Record<string, string | number> } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submitSigned(sign: (doc: unknown) => Promise<string>) {
    setProblem(null);
    setBusy(true);
    try {
      const challenge = await requestChallengeAction();
      if (!challenge.ok) {
        setProblem({ code: challenge.code, params: challenge.params });
        return;
      }
      const { nonce } = challenge;
      const cms = await sign(challengeDocument(nonce));
      const form = new FormData();
      form.set('nonce', nonce);
      form.set('cms', cms);
      form.set('locale', locale);
      if (next) form.set('next', next);
      startTransition(() => action(form));
    } catch (e) {
      setProblem({ code: e instanceof SigningError ? e.code : 'eds_bad_signature' });
    } finally {
      setBusy(false);
    }
  }

  function onKeyFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('keyFile');
    const password = String(data.get('password') ?? '');
    if (!(file instanceof File) || file.size === 0) {
      setProblem({ code: 'eds_choose_file' });
      return;
    }
    void submitSigned(async (doc) => (await signing()).signWithKeyFile(file, password, doc, 'authentication'));
  }

  const shown = problem ?? (!state.ok ? { code: state.code, params: state.params } : null);
  return (
    <section aria-labelledby="eds-title" className="flex flex-col gap-4 rounded-lg border border-line bg-white p-5">
      <h2 id="eds-title" className="text-2xl font-semibold">
        {t('signInTitle')}
      </h2>
      <p className="text-ink-muted">{t('signInLead')}</p>
      {shown ? <Notice tone="error" title={te(shown.code as never, shown.params as never)} /> : null}
      <div className="grid gap-6 md:grid-cols-2">
        <form onSubmit={onKeyFile} className="flex flex-col gap-4" aria-labelledby="eds-file-title" noValidate>
          <h3 id="eds-file-title" className="text-lg font-semibold">
            {t('keyFileTitle')}
          </h3>
          <FileField name="keyFile" label={t('keyFile')} hint={t('keyFileHint')} accept=".p12,.pfx,application/x-pkcs12" />
          <TextField name="password" type="password" label={t('password')} autoComplete="off" width="md" />
          <div>
            <SubmitButton disabled={busy} pendingLabel={t('signingIn')}>
              {busy ? t('signingIn') : t('signInWithKey')}
            </SubmitButton>
          </div>
        </form>
        <div className="flex flex-col gap-4">
          <h3 className="text-lg font-semibold">{t('ncaLayerTitle')}</h3>
          <p className="text-sm text-ink-muted">{t('ncaLayerHint')}</p>
          <div>
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => void submitSigned(async (doc) => (await signing()).signWithNcaLayerApp(doc, 'authentication', locale))}
            >
              {t('signInWithNcaLayer')}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
