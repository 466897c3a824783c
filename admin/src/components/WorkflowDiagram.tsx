import { Box, Stack, Typography, alpha, useTheme } from '@mui/material';
import { useId, useMemo } from 'react';
import { layoutDiagram, type Diagram, type LaidOutNode } from './diagramLayout';

/** The smallest the picture is drawn (its 13 px labels at about 10 px). */
const MIN_SCALE = 0.8;

export interface WorkflowDiagramProps {
  diagram: Diagram;
  /** States the execution has entered. */
  visited?: readonly string[];
  /** Where the execution is now (null when it has ended). */
  currentState?: string | null;
  /** A state's name for people (the ASL names are English identifiers). */
  labelOf?: (state: string) => string;
  /** Accessible name of the picture. */
  title: string;
  legend?: { current: string; visited: string; other: string };
}

/**
 * The state machine as an SVG picture: a box per state, an arrow per transition; the states
 * the execution went through tinted, the one it is in now filled. Scales down to the width
 * it is given (a phone shows all of it, smaller).
 */
export const WorkflowDiagram = ({ diagram, visited = [], currentState = null, labelOf = (s) => s, title, legend }: WorkflowDiagramProps) => {
  const theme = useTheme();
  const arrowId = `arrow-${useId().replace(/:/g, '')}`;
  const layout = useMemo(() => layoutDiagram(diagram), [diagram]);
  const seen = new Set(visited);
  const colors = {
    line: theme.palette.text.secondary,
    faint: alpha(theme.palette.text.secondary, 0.45),
    box: theme.palette.background.paper,
    border: theme.palette.divider,
    visited: alpha(theme.palette.primary.main, 0.14),
    visitedBorder: theme.palette.primary.main,
    current: theme.palette.warning.main,
    currentText: theme.palette.warning.contrastText,
    text: theme.palette.text.primary,
  };

  const fillOf = (n: LaidOutNode) => (n.name === currentState ? colors.current : seen.has(n.name) ? colors.visited : colors.box);
  return (
    <Box>
      {/* Scaled to the width it has, but not below a readable size: a phone scrolls the picture
          sideways inside its own box, never the page. */}
      <Box sx={{ overflowX: 'auto' }}>
        <Box
          component="svg"
          role="img"
          aria-label={title}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          sx={{ width: '100%', minWidth: Math.round(layout.width * MIN_SCALE), maxWidth: layout.width, height: 'auto', display: 'block', mx: 'auto' }}
          data-testid="workflow-diagram"
        >
          <title>{title}</title>
          <defs>
            <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill={colors.line} />
            </marker>
          </defs>
          <g fill="none" strokeWidth={1.2}>
            {layout.edges.map((e) => (
              <path
                key={`${e.from}->${e.to}`}
                d={e.path}
                stroke={e.kind === 'down' || e.kind === 'across' ? colors.line : colors.faint}
                strokeDasharray={e.kind === 'back' ? '4 3' : undefined}
                markerEnd={`url(#${arrowId})`}
                data-edge={`${e.from}->${e.to}`}
              />
            ))}
          </g>
          {layout.nodes.map((n) => {
            const current = n.name === currentState;
            const pill = n.type === 'Fail' || n.type === 'Succeed';
            return (
              <g key={n.name} data-state={n.name} data-visited={seen.has(n.name) || undefined} data-current={current || undefined}>
                <title>{n.comment ? `${labelOf(n.name)} (${n.name}): ${n.comment}` : `${labelOf(n.name)} (${n.name})`}</title>
                <rect
                  x={n.x}
                  y={n.y}
                  width={n.width}
                  height={n.height}
                  rx={pill ? n.height / 2 : n.type === 'Choice' ? 2 : 6}
                  fill={fillOf(n)}
                  stroke={current ? colors.current : seen.has(n.name) ? colors.visitedBorder : colors.border}
                  strokeWidth={current ? 3 : 1.2}
                  strokeDasharray={n.type === 'Choice' ? '5 3' : undefined}
                />
                <text
                  x={n.x + n.width / 2}
                  y={n.y + n.height / 2}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={13}
                  fontWeight={current ? 700 : 400}
                  fill={current ? colors.currentText : colors.text}
                >
                  {labelOf(n.name)}
                </text>
              </g>
            );
          })}
        </Box>
      </Box>
      {legend && (
        <Stack direction="row" spacing={2} sx={{ justifyContent: 'center', flexWrap: 'wrap', mt: 1 }}>
          {[
            [colors.current, colors.current, legend.current],
            [colors.visited, colors.visitedBorder, legend.visited],
            [colors.box, colors.border, legend.other],
          ].map(([fill, border, label]) => (
            <Stack key={label} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
              <Box sx={{ width: 14, height: 14, borderRadius: 0.5, bgcolor: fill, border: 1, borderColor: border }} />
              <Typography variant="caption">{label}</Typography>
            </Stack>
          ))}
        </Stack>
      )}
    </Box>
  );
};
