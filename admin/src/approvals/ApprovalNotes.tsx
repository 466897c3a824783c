import { Alert, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { useNameList } from '../components/useNameList';
import { waitingFor } from './stepStages';
import { REQUESTER_STEP, type ApprovalDetail } from './types';

const Comment = ({ text }: { text: string | null }) =>
  text ? (
    <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
      {text}
    </Typography>
  ) : null;

/** How an open task came to me: 退回 to me as the requester, 转交 with its note, 代 X 审批 (代理), 由 X 加签 with why. */
export const TaskNotes = ({ task }: { task: ApprovalDetail }) => {
  const translate = useTranslate();
  const notes = [
    task.stepKey === REQUESTER_STEP && translate('resources.approvals.returned_to_you'),
    task.reason === 'transferred' && task.comment && translate('resources.approvals.transferred_note', { comment: task.comment }),
    task.onBehalfOfName && translate('resources.approvals.on_behalf_of_note', { name: task.onBehalfOfName }),
    task.reason === 'added' && task.addedByName && translate('resources.approvals.added_by_note', { name: task.addedByName }),
  ].filter((note): note is string => Boolean(note));
  if (notes.length === 0) return null;
  return (
    <Alert severity="info" data-testid="task-notes">
      {notes.map((note) => (
        <div key={note}>{note}</div>
      ))}
      {task.reason === 'added' && <Comment text={task.comment} />}
    </Alert>
  );
};

/** 等待中: my turn comes after these people decide (加签); nothing to decide yet. */
export const WaitingNote = ({ task }: { task: ApprovalDetail }) => {
  const translate = useTranslate();
  const names = useNameList()(waitingFor(task.id, task.timeline));
  return (
    <Alert severity="info" data-testid="waiting-note">
      {names ? translate('resources.approvals.waiting_for', { names }) : translate('resources.approvals.waiting')}
    </Alert>
  );
};

/** 抄送: a read-only notice — who sent it and why; nothing to decide. */
export const CcNote = ({ task }: { task: ApprovalDetail }) => {
  const translate = useTranslate();
  return (
    <Alert severity="info" data-testid="cc-note">
      {translate('resources.approvals.cc_note', { name: task.addedByName ?? translate('resources.approvals.system') })}
      <Comment text={task.comment} />
    </Alert>
  );
};

/** A task no longer open: what became of it. */
export const DecidedNote = ({ task }: { task: ApprovalDetail }) => {
  const translate = useTranslate();
  const at = useDateTime();
  const severity = task.status === 'approved' ? 'success' : task.status === 'rejected' ? 'error' : 'info';
  return (
    <Alert severity={severity}>
      {translate(task.status === 'cancelled' && task.cancelledBy ? `resources.approvals.decided.cancelled_by.${task.cancelledBy}` : `resources.approvals.decided.${task.status}`, { time: at(task.decidedAt), channel: task.channel ? translate(`audit.channels.${task.channel}`) : '—' })}
      <Comment text={task.comment} />
    </Alert>
  );
};

/** The notes of a task, whatever its state, above what can be done with it. */
export const ApprovalStateNote = ({ task }: { task: ApprovalDetail }) => {
  if (task.status === 'pending') return <TaskNotes task={task} />;
  if (task.status === 'waiting') {
    return (
      <Stack spacing={1}>
        <WaitingNote task={task} />
        <TaskNotes task={task} />
      </Stack>
    );
  }
  if (task.status === 'cc') return <CcNote task={task} />;
  return <DecidedNote task={task} />;
};
