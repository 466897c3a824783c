import { useLocaleState, useTranslate } from 'react-admin';
import { decisionsByMonth } from '../chartData';
import { StackedBars } from './StackedBars';
import type { DashboardChartProps } from './types';

const CHANNEL_COLORS: Record<string, string> = { console: '#5c6bc0', email: '#26a69a', api: '#8d6e63', system: '#bdbdbd', workflow: '#ab47bc' };

/**
 * Decisions per month by channel (控制台 / 邮件 / API): how approvers work. No click-through:
 * no list in the console spans everyone's decisions (the inbox holds one's own).
 */
export const DecisionsChart = ({ data }: DashboardChartProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // 2026-11 as people read it: 2026年11月 / Nov 2026.
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const shaped = decisionsByMonth(data);
  const labelled = { ...shaped, categories: shaped.categories.map((c) => ({ ...c, label: month.format(new Date(`${c.key}-01T00:00:00Z`)) })) };
  return (
    <StackedBars
      data={labelled}
      seriesLabel={(channel) => translate(`audit.channels.${channel}`, { _: channel })}
      colors={(channel) => CHANNEL_COLORS[channel]}
    />
  );
};
