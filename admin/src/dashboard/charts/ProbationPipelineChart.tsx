import { useTranslate } from 'react-admin';
import { reviewChoiceKey } from '../../probation-reviews/reviewChoices';
import { filteredListPath, probationPipeline } from '../chartData';
import { StackedBars } from './StackedBars';
import type { DashboardChartProps } from './types';

/** The probation pipeline: reviews due, in review, and how they ended; a bar opens the reviews of that status. */
export const ProbationPipelineChart = ({ data }: DashboardChartProps) => {
  const translate = useTranslate();
  const stages = probationPipeline(data);
  return (
    <StackedBars
      horizontal
      hideLegend
      data={{
        categories: stages.map((s) => ({ key: s.status, label: translate(reviewChoiceKey('status', s.status), { _: s.status }) })),
        series: [{ key: 'count', data: stages.map((s) => s.count) }],
      }}
      seriesLabel={() => translate('resources.probation-reviews.name', { smart_count: 2 })}
      to={(index) => {
        const stage = stages[index];
        return stage ? filteredListPath('probation-reviews', { status: stage.status }) : null;
      }}
    />
  );
};
