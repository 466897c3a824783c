import type { ComponentType } from 'react';
import type { DashboardData } from '../../providers/consoleMethods';

export interface DashboardChartProps {
  data: DashboardData;
}

/** One card of the dashboard: a later workflow adds its chart by adding one of these to DASHBOARD_CHARTS. */
export interface DashboardChart {
  /** Stable id: the card's test id (`chart-<key>`) and React key. */
  key: string;
  /** Catalog key of the card's title. */
  title: string;
  /** Catalog key of a line under the title (what a click does), if any. */
  hint?: string;
  /** Catalog key of what an empty card says, if more than app.dashboard.no_data. */
  empty?: string;
  Chart: ComponentType<DashboardChartProps>;
  /** Whether the data has anything for this chart; an empty card says so instead of drawing axes. */
  hasData: (data: DashboardData) => boolean;
}
