import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('Common');
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-slate-700">
        <p>{t('footerText')}</p>
        <p>{t('footerSupport')}</p>
        {process.env.DEMO_MODE === '1' ? <p className="font-medium">{t('footerDemo')}</p> : null}
      </div>
    </footer>
  );
}
