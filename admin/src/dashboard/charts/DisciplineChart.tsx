import { useTranslate } from 'react-admin';
import { disciplineByTeam, type DisciplineLevel } from '../chartData';
import { StackedBars } from './StackedBars';
import type { DashboardChartProps } from './types';

const LEVEL_COLORS: Record<DisciplineLevel, string> = { verbal: '#fdd835', written: '#fb8c00', final: '#e53935', dismissal: '#6d1b1b' };

/**
 * 违纪处罚 (#16): actions per team by the level issued (口头 / 书面 / 最后警告 / 辞退) over the
 * last 12 months with any. No click-through: the action list filters by status, not by team.
 */
export const DisciplineChart = ({ data }: DashboardChartProps) => {
  const translate = useTranslate();
  return (
    <StackedBars
      data={disciplineByTeam(data, translate('app.dashboard.charts.discipline.no_team'))}
      seriesLabel={(level) => translate(`app.dashboard.charts.discipline.levels.${level}`, { _: level })}
      colors={(level) => LEVEL_COLORS[level]}
    />
  );
};
