import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import type { DashboardData } from '../providers/consoleMethods';
import { filteredListPath, headlineNumbers } from './chartData';

/** The four numbers a manager looks at first, each opening the list it counts. */
export const DashboardNumbers = ({ data }: { data: DashboardData }) => {
  const translate = useTranslate();
  const n = headlineNumbers(data);
  const tiles: Array<{ key: keyof typeof n; to: string; alert?: boolean }> = [
    { key: 'headcount', to: '/employees' },
    { key: 'probation', to: filteredListPath('employees', { status: 'probation' }) },
    { key: 'pending', to: filteredListPath('probation-reviews', { status: 'in_review' }) },
    { key: 'overdue', to: filteredListPath('probation-reviews', { status: 'in_review' }), alert: n.overdue > 0 },
  ];
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' } }}>
      {tiles.map((tile) => (
        <Tile key={tile.key} to={tile.to} label={translate(`app.dashboard.stats.${tile.key}`)} testId={`stat-${tile.key}`}>
          <Typography variant="h4" component="p" color={tile.alert ? 'error' : 'text.primary'}>
            {n[tile.key]}
          </Typography>
        </Tile>
      ))}
    </Box>
  );
};

const Tile = ({ to, label, testId, children }: { to: string; label: string; testId: string; children: ReactNode }) => (
  <Card data-testid={testId}>
    <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        {children}
      </CardContent>
    </CardActionArea>
  </Card>
);
