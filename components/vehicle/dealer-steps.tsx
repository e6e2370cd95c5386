import { getTranslations } from 'next-intl/server';
import { StepIndicator, type StepState } from '@/components/ui';

const order = ['vehicle', 'buyer', 'sign'] as const;

/** Where the dealer is in steps 1–9: the vehicle, the buyer, check and sign. */
export async function DealerSteps({ current }: { current: (typeof order)[number] | 'done' }) {
  const [t, tc] = await Promise.all([getTranslations('Vehicle'), getTranslations('Common')]);
  const at = current === 'done' ? order.length : order.indexOf(current);
  const state = (i: number): StepState => (i < at ? 'done' : i === at ? 'current' : 'todo');
  return (
    <StepIndicator
      ariaLabel={t('stepsLabel')}
      labels={{ done: tc('stepDone'), current: tc('stepCurrent'), todo: tc('stepTodo') }}
      steps={order.map((s, i) => ({ label: t(`dealerSteps.${s}`), state: state(i) }))}
    />
  );
}
