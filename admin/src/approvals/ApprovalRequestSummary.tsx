import { Box, Link, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { AttachmentLinks } from '../attachments/AttachmentLinks';
import type { ApprovalDetail } from './types';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'contents' }}>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body2" component="dd" sx={{ m: 0 }}>
      {children}
    </Typography>
  </Box>
);

/**
 * What is being asked: the request's kind, who asked, the step, and the request's own facts
 * as the API sends them for this task (`summary`, in the reader's language: for a probation
 * review the person, the kind of review, the weighted score and the outcome) — readable by
 * whoever holds the task, also across teams (a task transferred to them). Nothing here knows
 * a request kind.
 */
export const ApprovalRequestSummary = ({ task }: { task: ApprovalDetail }) => {
  const translate = useTranslate();
  const f = (field: string) => translate(`resources.approvals.fields.${field}`);
  return (
    <Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
        <Row label={f('requestKind')}>{translate(`resources.approvals.choices.requestKind.${task.requestKind}`, { _: task.requestKind })}</Row>
        <Row label={f('requesterName')}>{task.requesterName ?? '—'}</Row>
        <Row label={f('stepLabel')}>{task.stepLabel}</Row>
        {(task.summary ?? []).map(([label, value]) => (
          <Row key={label} label={label}>
            {value}
          </Row>
        ))}
        {(task.requestAttachments ?? []).length > 0 && (
          <Row label={translate('resources.attachments.name')}>
            <AttachmentLinks attachments={task.requestAttachments!} />
          </Row>
        )}
      </Box>
      {task.requestPath && (
        <Typography variant="body2" sx={{ mt: 1.5 }}>
          <Link href={task.requestPath}>{translate('resources.approvals.actions.open_request')}</Link>
        </Typography>
      )}
    </Box>
  );
};
