import { useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useNavigate, useTranslate } from 'react-admin';
import type { Stacked } from '../chartData';

export interface StackedBarsProps<K extends string> {
  data: Stacked<K>;
  /** The label of a series in the legend and tooltip. */
  seriesLabel: (key: K) => string;
  /** Colours per series, in series order (else the theme's palette). */
  colors?: (key: K) => string | undefined;
  /** Where a click on a bar (its whole band) leads; none: bars are not links. */
  to?: (index: number) => string | null;
  horizontal?: boolean;
  /** For a single series whose name the title already says. */
  hideLegend?: boolean;
  /** Of a vertical chart (a horizontal one is sized by its number of bars). */
  height?: number;
}

/**
 * One bar per category, its parts stacked by series: the shape of every dashboard chart.
 * A click anywhere in a bar's band opens the list behind it (onAxisClick is forgiving where a
 * thin stacked part would be hard to hit, and works with touch).
 */
export function StackedBars<K extends string>({ data, seriesLabel, colors, to, horizontal = false, hideLegend = false, height = 300 }: StackedBarsProps<K>) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const theme = useTheme();
  // A label of two lines (a month and its rate) needs a taller axis under a vertical chart.
  const twoLines = !horizontal && data.categories.some((c) => c.label.includes('\n'));
  const band = [{ scaleType: 'band' as const, data: data.categories.map((c) => c.label), tickLabelStyle: { fontSize: 12 } }];
  const value = [{ tickMinStep: 1 }];
  // Long team and step names need room beside a horizontal chart.
  const labelWidth = Math.min(180, Math.max(60, ...data.categories.map((c) => c.label.length * 13 + 24)));
  return (
    <BarChart
      // A horizontal chart is as tall as its bars need: a one-step chart is not a big block.
      height={horizontal ? Math.max(150, data.categories.length * 40 + (hideLegend ? 70 : 110)) : height}
      hideLegend={hideLegend}
      layout={horizontal ? 'horizontal' : 'vertical'}
      xAxis={horizontal ? value : band.map((a) => (twoLines ? { ...a, height: 44 } : a))}
      yAxis={horizontal ? band.map((a) => ({ ...a, width: labelWidth })) : value}
      series={data.series.map((s) => ({
        id: s.key,
        label: seriesLabel(s.key),
        data: s.data,
        stack: 'total',
        color: colors?.(s.key),
        valueFormatter: (v: number | null) => (v ? String(v) : null),
      }))}
      grid={horizontal ? { vertical: true } : { horizontal: true }}
      onAxisClick={
        to
          ? (_event, axis) => {
              const path = axis ? to(axis.dataIndex) : null;
              if (path) navigate(path);
            }
          : undefined
      }
      localeText={{ noData: translate('app.dashboard.no_data'), loading: translate('app.dashboard.loading') }}
      sx={{ cursor: to ? 'pointer' : 'default', '& text': { fontFamily: theme.typography.fontFamily } }}
    />
  );
}
