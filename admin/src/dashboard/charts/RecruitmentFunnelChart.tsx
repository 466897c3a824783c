import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { recruitmentFunnel } from '../chartData';
import { StackedBars } from './StackedBars';
import type { DashboardChartProps } from './types';

/**
 * 招聘漏斗 (#14): the last six months' candidates → interviewed → offered → accepted → hired, with
 * the offers lost and the time to hire beneath. No click-through: the candidates live per opening.
 */
export const RecruitmentFunnelChart = ({ data }: DashboardChartProps) => {
  const translate = useTranslate();
  const { funnel, declined, lapsed, averageDaysToHire } = recruitmentFunnel(data);
  const labelled = { ...funnel, categories: funnel.categories.map((c) => ({ ...c, label: translate(`app.dashboard.charts.recruitment.stages.${c.key}`) })) };
  return (
    <>
      <StackedBars data={labelled} seriesLabel={() => translate('app.dashboard.charts.recruitment.count')} horizontal hideLegend />
      <Typography variant="body2" data-testid="recruitment-summary">
        {translate('app.dashboard.charts.recruitment.lost', { declined, lapsed })}
        {' · '}
        {averageDaysToHire === null
          ? translate('app.dashboard.charts.recruitment.no_hires')
          : translate('app.dashboard.charts.recruitment.time_to_hire', { days: averageDaysToHire })}
      </Typography>
    </>
  );
};
