import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { type Condition, conditionsOf } from './rules.ts';
import type { SegmentRules } from './types.ts';

/** A segment's rules as sentences a checker can read: "Segmen: Prioritas, Emerging". */
export function Conditions({ rules }: { rules: SegmentRules }) {
  const { t, i18n } = useTranslation('campaigns');
  const conditions = conditionsOf(rules);
  if (conditions.length === 0) return <p className="muted">{t('condition.none')}</p>;
  const money = (n: number) => `Rp ${formatNumber(n, i18n.language)}`;
  const range = (c: Condition, show: (n: number) => string) =>
    c.min !== undefined && c.max !== undefined
      ? t('condition.between', { min: show(c.min), max: show(c.max) })
      : c.min !== undefined
        ? t('condition.atLeast', { min: show(c.min) })
        : t('condition.atMost', { max: show(c.max ?? 0) });
  const values = (c: Condition) => {
    const word = (v: string) =>
      c.kind === 'segments'
        ? t(`segmentKind.${v}`, { defaultValue: v })
        : c.kind === 'hasProducts' || c.kind === 'lacksProducts'
          ? t(`product.${v}`, { defaultValue: v })
          : c.kind === 'consents'
            ? t(`channel.${v}`, { defaultValue: v })
            : v;
    return c.values.map(word).join(', ');
  };
  return (
    <ul className="cmp-conditions">
      {conditions.map((c) => (
        <li key={c.kind} data-condition={c.kind}>
          {c.kind === 'age'
            ? t('condition.age', { range: range(c, String) })
            : c.kind === 'income'
              ? t('condition.income', { range: range(c, money) })
              : t(`condition.${c.kind}`, { values: values(c) })}
        </li>
      ))}
    </ul>
  );
}
