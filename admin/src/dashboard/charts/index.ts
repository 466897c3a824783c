import { decisionsByMonth, disciplineByTeam, headcountByTeam, pendingByStep, probationPipeline, recruitmentFunnel, turnoverByMonth } from '../chartData';
import { RecruitmentFunnelChart } from './RecruitmentFunnelChart';
import { DecisionsChart } from './DecisionsChart';
import { HeadcountChart } from './HeadcountChart';
import { PendingApprovalsChart } from './PendingApprovalsChart';
import { ProbationPipelineChart } from './ProbationPipelineChart';
import { TurnoverChart } from './TurnoverChart';
import { DisciplineChart } from './DisciplineChart';
import type { DashboardChart } from './types';

export type { DashboardChart, DashboardChartProps } from './types';

const CLICK = 'app.dashboard.click_hint';

/**
 * The dashboard's charts, in page order. To add one (a later workflow's numbers): add its
 * counts to GET /dashboard, shape them in chartData.ts (with a test), write a component over
 * <StackedBars>, and add an entry here with catalog keys under app.dashboard.charts.
 */
export const DASHBOARD_CHARTS: readonly DashboardChart[] = [
  { key: 'pending', title: 'app.dashboard.charts.pending.title', hint: CLICK, Chart: PendingApprovalsChart, hasData: (d) => pendingByStep(d).categories.length > 0 },
  { key: 'probation', title: 'app.dashboard.charts.probation.title', hint: CLICK, Chart: ProbationPipelineChart, hasData: (d) => probationPipeline(d).some((s) => s.count > 0) },
  { key: 'headcount', title: 'app.dashboard.charts.headcount.title', hint: CLICK, Chart: HeadcountChart, hasData: (d) => headcountByTeam(d, '').categories.length > 0 },
  { key: 'decisions', title: 'app.dashboard.charts.decisions.title', Chart: DecisionsChart, hasData: (d) => decisionsByMonth(d).categories.length > 0 },
  { key: 'recruitment', title: 'app.dashboard.charts.recruitment.title', hint: 'app.dashboard.charts.recruitment.hint', Chart: RecruitmentFunnelChart, hasData: (d) => recruitmentFunnel(d).funnel.categories.length > 0 },
  {
    key: 'turnover', title: 'app.dashboard.charts.turnover.title', hint: 'app.dashboard.charts.turnover.hint', empty: 'app.dashboard.charts.turnover.empty',
    Chart: TurnoverChart, hasData: (d) => turnoverByMonth(d).categories.length > 0,
  },
  {
    key: 'discipline', title: 'app.dashboard.charts.discipline.title', hint: 'app.dashboard.charts.discipline.hint', empty: 'app.dashboard.charts.discipline.empty',
    Chart: DisciplineChart, hasData: (d) => disciplineByTeam(d, '').categories.length > 0,
  },
];
