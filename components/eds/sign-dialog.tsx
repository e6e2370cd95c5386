'use client';

import { useLocale, useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button, DescriptionList, FileField, Notice, RadioGroup, TextField, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { canonicalBytes, sha256Hex, type JsonValue } from '@/lib/signatures/canonical';
import { SigningError } from './signing-error';

export type SignDialogProps = {
  /** Exactly what is signed: the canonical JSON of this value is what the key signs (SPEC §2.3). */
  document: JsonValue;
  /** The same document for people, in their language: what the dialog shows before signing. */
  summary: readonly { term: string; value: string }[];
  /** Whose key must sign: NCALayer filters by it, the key-file path checks it before signing. */
  signer: { iin: string; bin?: string | null };
  /** Receives `cms` plus `fields`; verifies on the server, and redirects or returns a result. */
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  fields?: Record<string, string>;
  title: string;
  openLabel: string;
};

/**
 * The signing dialog every pilot uses: it shows what is being signed and the document's SHA-256, then signs in
 * the browser — with NCALayer, or with a PKCS#12 key file opened here — and sends only the CMS to the server.
 * The private key and its password never leave the person's computer.
 */
export function SignDialog({ document, summary, signer, action, fields = {}, title, openLabel }: SignDialogProps) {
  const t = useTranslations('Eds');
  const errorText = useErrorText();
  const locale = useLocale() as 'kk' | 'ru';
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, submit, submitting] = useActionState(action, initialActionState);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hash, setHash] = useState('');

  useEffect(() => {
    void sha256Hex(canonicalBytes(document)).then(setHash);
  }, [document]);

  async function sign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const data = new FormData(event.currentTarget);
    setBusy(true);
    try {
      let cms: string;
      // pkijs and the CMS code (about 100 KB) load with the dialog (see the open button), not with the page.
      const { signWithKeyFile, signWithNcaLayerApp } = await import('./key-file');
      if (data.get('method') === 'file') {
        const file = data.get('keyFile');
        if (!(file instanceof File) || file.size === 0) throw new SigningError('eds_choose_file');
        cms = await signWithKeyFile(file, String(data.get('password') ?? ''), document, 'signing', signer);
      } else {
        cms = await signWithNcaLayerApp(document, 'signing', locale, { iin: signer.iin, bin: signer.bin ?? undefined });
      }
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set('cms', cms);
      startTransition(() => submit(form));
    } catch (e) {
      setProblem(e instanceof SigningError ? e.code : 'ncalayer_failed');
    } finally {
      setBusy(false);
    }
  }

  const shown = problem ?? (!state.ok ? state.code : null);
  const shownParams = !problem && !state.ok ? state.params : undefined;
  const working = busy || submitting;
  return (
    <>
      <Button
        onClick={() => {
          void import('./key-file');
          dialog.current?.showModal();
        }}
        data-testid="open-sign-dialog"
      >
        {openLabel}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-full max-w-2xl rounded-lg border border-line bg-white p-0 text-ink backdrop:bg-slate-900/60"
      >
        <form onSubmit={sign} className="flex flex-col gap-5 p-6" noValidate>
          <h2 id={`${id}-title`} className="text-2xl font-semibold">
            {title}
          </h2>
          <section aria-labelledby={`${id}-what`} className="flex flex-col gap-2">
            <h3 id={`${id}-what`} className="text-lg font-semibold">
              {t('whatYouSign')}
            </h3>
            <DescriptionList items={summary.map((s) => ({ term: s.term, value: s.value }))} />
            <p className="text-sm text-ink-muted">
              {t('documentHash')}:{' '}
              <code className="break-all font-mono text-ink" data-testid="document-hash">
                {hash}
              </code>
            </p>
          </section>
          {/* The chosen method shows its own inputs through CSS (:has), so the form needs no extra state. */}
          <div className="group flex flex-col gap-4">
            <RadioGroup
              name="method"
              id={`${id}-method`}
              legend={t('method')}
              inline
              defaultValue="ncalayer"
              options={[
                { value: 'ncalayer', label: t('methodNcaLayer') },
                { value: 'file', label: t('methodKeyFile') },
              ]}
            />
            <p className="text-sm text-ink-muted group-has-[input[value=file]:checked]:hidden">{t('ncaLayerSignHint')}</p>
            <div className="hidden flex-col gap-4 group-has-[input[value=file]:checked]:flex">
              <FileField
                name="keyFile"
                id={`${id}-key`}
                label={t('signingKeyFile')}
                hint={t('signingKeyFileHint')}
                accept=".p12,.pfx,application/x-pkcs12"
              />
              <TextField name="password" id={`${id}-password`} type="password" label={t('password')} autoComplete="off" width="md" />
            </div>
          </div>
          {shown ? <Notice tone="error" title={errorText(shown, shownParams)} /> : null}
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              aria-disabled={working || undefined}
              disabled={working}
              className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-gold-400 disabled:opacity-70"
            >
              {working ? t('signing') : t('sign')}
            </button>
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t('cancel')}
            </Button>
          </div>
          <span className="sr-only" role="status">
            {working ? t('signing') : null}
          </span>
        </form>
      </dialog>
    </>
  );
}
