// The texts of app/global-error.tsx. When the locale layout itself fails there is no message provider, and the
// whole catalogue (≈ 70 KB) is too much to ship for this one screen, so these few lines are copied here from
// Common.error* — tests/unit/error-pages.test.ts keeps them equal to messages/{kk,ru}.json.
export const GLOBAL_ERROR_TEXT = {
  kk: {
    errorTitle: 'Бірдеңе дұрыс болмады',
    errorText: 'Бетті көрсету мүмкін болмады. Қайталап көріңіз; қате қайталанса, төмендегі кодты қолдау қызметіне хабарлаңыз.',
    errorRetry: 'Қайталап көру',
    errorHome: 'Басты бетке',
    errorReference: 'Қате коды: {digest}',
  },
  ru: {
    errorTitle: 'Что-то пошло не так',
    errorText: 'Страницу не удалось показать. Попробуйте ещё раз; если ошибка повторится, сообщите в службу поддержки код ниже.',
    errorRetry: 'Попробовать ещё раз',
    errorHome: 'На главную',
    errorReference: 'Код ошибки: {digest}',
  },
} as const;

/** The locale from the path (`/ru/...`), else the default (kk). */
export function globalErrorLocale(pathname: string | null | undefined): 'kk' | 'ru' {
  return pathname?.split('/')[1] === 'ru' ? 'ru' : 'kk';
}
