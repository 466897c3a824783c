import { useTranslate } from 'react-admin';
import { filteredListPath, pendingByStep, type AgeKey } from '../chartData';
import type { DashboardChartProps } from './types';
import { StackedBars } from './StackedBars';

// Waiting time from fresh to overdue: green to red.
const AGE_COLORS: Record<AgeKey, string> = { lt1d: '#66bb6a', d1to3: '#ffca28', d3to7: '#fb8c00', gt7d: '#d32f2f' };

/** 待审批 by step, stacked by how long the tasks have waited; a bar opens the reviews in progress. */
export const PendingApprovalsChart = ({ data }: DashboardChartProps) => {
  const translate = useTranslate();
  return (
    <StackedBars
      horizontal
      data={pendingByStep(data)}
      seriesLabel={(age) => translate(`app.dashboard.charts.pending.ages.${age}`)}
      colors={(age) => AGE_COLORS[age]}
      // Every open task today belongs to a probation review (the only request kind).
      to={() => filteredListPath('probation-reviews', { status: 'in_review' })}
    />
  );
};

