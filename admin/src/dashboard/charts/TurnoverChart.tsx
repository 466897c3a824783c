import { useLocaleState, useTranslate } from 'react-admin';
import { turnoverByMonth, type LeavingReason } from '../chartData';
import { StackedBars } from './StackedBars';
import type { DashboardChartProps } from './types';

const REASON_COLORS: Record<LeavingReason, string> = { resignation: '#fb8c00', probation_not_converted: '#ab47bc', dismissal: '#d32f2f' };

/**
 * 离职 (#15): leavers per month by reason (辞职 / 试用期未转正 / 辞退), each month's turnover rate
 * under its name. No click-through: the leavers list (离职办理) filters by status and last day,
 * not by month and reason together.
 */
export const TurnoverChart = ({ data }: DashboardChartProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const { rates, ...shaped } = turnoverByMonth(data);
  // Two lines under each bar: 2026年3月 / 2.1%.
  const labelled = {
    ...shaped,
    categories: shaped.categories.map((c, i) => {
      const rate = rates[i];
      return { ...c, label: `${month.format(new Date(`${c.key}-01T00:00:00Z`))}\n${rate === null || rate === undefined ? '—' : `${percent.format(rate)}%`}` };
    }),
  };
  return (
    <StackedBars
      data={labelled}
      seriesLabel={(reason) => translate(`resources.offboardings.choices.reason.${reason}`, { _: reason })}
      colors={(reason) => REASON_COLORS[reason]}
    />
  );
};
