import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, CircularProgress, GlobalStyles, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useGetOne, useParams, useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { reviewChoiceKey } from './reviewChoices';
import type { ProbationReview } from './types';

// A4 paper: the console's frame (app bar, menu) and the buttons are not printed.
const PRINT_CSS = {
  '@page': { size: 'A4', margin: '16mm 14mm' },
  '@media print': {
    'header, .MuiAppBar-root, .RaSidebar-root, .MuiDrawer-root, [data-print-hide]': { display: 'none !important' },
    'body, .RaLayout-content, .RaLayout-appFrame, .RaLayout-contentWithSidebar': { background: '#fff !important', padding: '0 !important', margin: '0 !important' },
    '[data-print-page]': { boxShadow: 'none !important', border: 'none !important', padding: '0 !important', maxWidth: 'none !important' },
    '[data-print-page] table': { pageBreakInside: 'auto' },
    '[data-print-page] tr': { pageBreakInside: 'avoid' },
  },
} as const;

const cell = { border: '1px solid #999', padding: '4px 6px', verticalAlign: 'top', textAlign: 'left' as const, fontSize: 13 };

/**
 * 打印: a review as a paper record (A4, zh-CN first), from the browser's print — the request,
 * every decision with its time, channel, comment and what it recorded, and the comment thread.
 */
const ProbationReviewPrint = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const when = useDateTime();
  const { data: review } = useGetOne<ProbationReview>('probation-reviews', { id });
  const { data: comments } = useConsoleQuery(`print-comments:${id}`, (dp) => dp.getComments('probation', id));
  if (!review) return <CircularProgress sx={{ m: 4 }} />;
  const f = (field: string) => translate(`resources.probation-reviews.fields.${field}`);
  const p = (key: string, options?: Record<string, unknown>) => translate(`resources.probation-reviews.print.${key}`, options);
  const labels = new Map(review.chain.map((s) => [s.key, s.label]));
  const decided = (review.steps ?? []).flatMap((step) =>
    (step.tasks ?? []).filter((t) => t.decidedAt).map((t) => ({ step, task: t })));
  const rows: [string, ReactNode][] = [
    [f('employeeName'), `${review.employeeName}（${review.employeeNo}）`],
    [f('kind'), translate(reviewChoiceKey('kind', review.kind))],
    [f('applicant'), `${translate(reviewChoiceKey('applicant', review.applicant))}${review.requesterName ? ` · ${review.requesterName}` : ''}`],
    [f('createdAt'), when(review.createdAt)],
    [f('status'), translate(reviewChoiceKey('status', review.status))],
    [f('weighted'), review.weighted ?? '—'],
  ];
  return (
    <Box sx={{ p: { xs: 1, sm: 3 } }}>
      <GlobalStyles styles={PRINT_CSS} />
      {/* The screen's h1, in the app bar (not printed); on paper the record's own title leads. */}
      <Title title={p('title')} />
      <Box data-print-hide sx={{ mb: 2, display: 'flex', gap: 1 }}>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {p('print')}
        </Button>
      </Box>
      <Box data-print-page sx={{ maxWidth: '210mm', bgcolor: '#fff', color: '#000', p: 3, boxShadow: 1, fontFamily: '"Noto Serif CJK SC", "Songti SC", serif' }}>
        <Typography variant="h5" component="h2" sx={{ textAlign: 'center', fontWeight: 700, mb: 2 }}>
          {p('title')}
        </Typography>
        <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 16 }}>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th style={{ ...cell, width: '28%', background: '#f3f3f3' }}>{label}</th>
                <td style={cell}>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
          {p('decisions')}
        </Typography>
        <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 16 }} data-print-decisions>
          <thead>
            <tr>
              {['step', 'approver', 'decision', 'time', 'channel', 'comment'].map((h) => (
                <th key={h} style={{ ...cell, background: '#f3f3f3' }}>{p(`columns.${h}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {decided.length === 0 ? (
              <tr><td style={cell} colSpan={6}>{p('none')}</td></tr>
            ) : decided.map(({ step, task }) => (
              <tr key={task.id}>
                <td style={cell}>{labels.get(step.stepKey) ?? translate('resources.approvals.requester_step')}</td>
                <td style={cell}>{task.approverName}{task.onBehalfOfName ? p('on_behalf', { name: task.onBehalfOfName }) : ''}</td>
                <td style={cell}>{translate(`resources.approvals.choices.status.${task.status}`, { _: task.status })}</td>
                <td style={cell}>{when(task.decidedAt)}</td>
                <td style={cell}>{task.channel ? translate(`audit.channels.${task.channel}`, { _: task.channel }) : '—'}</td>
                <td style={cell}>
                  {task.comment ?? ''}
                  {(task.answers ?? []).map(([label, value]) => <div key={label}>{label}：{value}</div>)}
                  {(task.attachments ?? []).map((a) => <div key={a.id}>{p('attachment', { name: a.fileName })}</div>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {(comments ?? []).length > 0 && (
          <>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
              {translate('resources.requests.comments.title')}
            </Typography>
            <Box component="ol" sx={{ m: 0, pl: 3, mb: 2, fontSize: 13 }}>
              {(comments ?? []).map((c) => (
                <li key={c.id}>
                  {c.authorName}（{when(c.createdAt)}）：{c.text}
                </li>
              ))}
            </Box>
          </>
        )}
        <Typography variant="caption" component="p" sx={{ mt: 3, color: '#555' }}>
          {p('footer', { time: when(new Date().toISOString()), id: review.id })}
        </Typography>
      </Box>
    </Box>
  );
};

export default ProbationReviewPrint;
