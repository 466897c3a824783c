import { useTranslate } from 'react-admin';
import { choiceKey } from '../../employees/employeeChoices';
import { filteredListPath, headcountByTeam } from '../chartData';
import { StackedBars } from './StackedBars';
import type { DashboardChartProps } from './types';

// Levels from the newest to the most senior, light to dark.
const LEVEL_COLORS: Record<string, string> = {
  trainee: '#90caf9',
  junior: '#64b5f6',
  mid: '#1e88e5',
  senior: '#1565c0',
  reserve_supervisor: '#0d47a1',
};

/** 在职人数 per team, stacked by level; a bar opens the people list of that team. */
export const HeadcountChart = ({ data }: DashboardChartProps) => {
  const translate = useTranslate();
  const shaped = headcountByTeam(data, translate('app.dashboard.charts.headcount.no_team'));
  return (
    <StackedBars
      horizontal
      data={shaped}
      seriesLabel={(level) => translate(choiceKey('level', level), { _: level })}
      colors={(level) => LEVEL_COLORS[level]}
      to={(index) => {
        const teamId = shaped.teamIds[index];
        return teamId ? filteredListPath('employees', { teamId }) : null;
      }}
    />
  );
};
