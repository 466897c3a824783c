import { Box, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { canSeeDashboards } from '../providers/authProvider';
import type { DashboardData } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { DASHBOARD_CHARTS } from './charts';
import { DashboardNumbers } from './DashboardNumbers';

/**
 * The department's charts, for the roles that see company-wide numbers. Anyone else sees the
 * dashboard without them: no request is made, and a 403 (a role changed since sign-in) hides
 * them quietly rather than raising an error.
 */
const DashboardCharts = () => {
  const { identity } = useGetIdentity();
  const allowed = canSeeDashboards(identity?.roles as string[] | undefined);
  const { data, error } = useConsoleQuery<DashboardData>('dashboard', (dp) => dp.getDashboard(), { enabled: allowed });
  if (!allowed || error || !data) return null;
  return (
    <>
      <DashboardNumbers data={data} />
      <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}>
        {DASHBOARD_CHARTS.map((chart) => (
          <ChartCard key={chart.key} chart={chart} data={data} />
        ))}
      </Box>
    </>
  );
};

const ChartCard = ({ chart, data }: { chart: (typeof DASHBOARD_CHARTS)[number]; data: DashboardData }) => {
  const translate = useTranslate();
  const { Chart } = chart;
  const filled = chart.hasData(data);
  return (
    <Card data-testid={`chart-${chart.key}`} component="section" aria-label={translate(chart.title)}>
      <CardHeader
        title={translate(chart.title)}
        subheader={filled && chart.hint ? translate(chart.hint) : undefined}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2', sx: { fontWeight: 600 } }, subheader: { variant: 'caption' } }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ pt: 1 }}>
        {filled ? <Chart data={data} /> : <Typography color="text.secondary">{translate(chart.empty ?? 'app.dashboard.no_data')}</Typography>}
      </CardContent>
    </Card>
  );
};

export default DashboardCharts;
