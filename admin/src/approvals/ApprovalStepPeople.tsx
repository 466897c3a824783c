import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { showsStages, stageGroups, type StageGroup } from './stepStages';
import { statusKey, type ApprovalStep, type StepTask } from './types';
import { AttachmentLinks } from '../attachments/AttachmentLinks';

/**
 * Everyone asked at a step, by stage (加签 order, 或签 / 会签): what each decided, when and
 * through which channel, with their comment, on whose behalf (代理) and who added them (加签).
 */
export const ApprovalStepPeople = ({ step }: { step: ApprovalStep }) => {
  const translate = useTranslate();
  const groups = stageGroups(step);
  if (groups.length === 0) return null;
  const staged = showsStages(groups);
  return (
    <Stack spacing={0.75} sx={{ mt: 0.5 }}>
      {groups.map((group) => (
        <Box key={group.index ?? group.outside} data-stage={group.index ?? group.outside} data-stage-mode={group.mode ?? undefined} data-active={group.active || undefined}>
          {staged && <StageHeading group={group} />}
          <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', p: 0, m: 0, pl: staged ? 1 : 0 }} aria-label={translate('resources.approvals.timeline.people')}>
            {group.tasks.map((task) => (
              <Person key={task.id} task={task} />
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
};

/** 第 1 组 · 或签 · 进行中 */
const StageHeading = ({ group }: { group: StageGroup }) => {
  const translate = useTranslate();
  const parts = [
    group.index === null ? translate(`resources.approvals.timeline.${group.outside ?? 'escalated'}`) : translate('resources.approvals.timeline.stage', { n: group.index + 1 }),
    ...(group.mode ? [translate(`resources.approvals.timeline.modes.${group.mode}`)] : []),
    ...(group.active ? [translate('resources.approvals.timeline.active')] : []),
  ];
  return (
    <Typography variant="caption" color="text.secondary" component="div">
      {parts.join(' · ')}
    </Typography>
  );
};

const Person = ({ task }: { task: StepTask }) => {
  const translate = useTranslate();
  const at = useDateTime();
  const decided = !['pending', 'waiting'].includes(task.status);
  const notes = [
    task.onBehalfOfName && translate('resources.approvals.on_behalf_of', { name: task.onBehalfOfName }),
    task.reason === 'added' && task.addedByName && translate('resources.approvals.added_by', { name: task.addedByName }),
    task.reason === 'escalated' && translate('resources.approvals.choices.reason.escalated'),
    decided && task.decidedAt && at(task.decidedAt),
    decided && task.channel && translate(`audit.channels.${task.channel}`, { _: task.channel }),
  ].filter(Boolean);
  return (
    <Box component="li" data-task={task.id} data-task-status={task.status}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Typography variant="body2">{task.approverName}</Typography>
        <Chip size="small" variant="outlined" label={translate(statusKey(task))} />
        {notes.length > 0 && (
          <Typography variant="caption" color="text.secondary">
            {notes.join(' · ')}
          </Typography>
        )}
      </Stack>
      {task.answers && task.answers.length > 0 && (
        <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 0.25, pl: 1 }} data-answers>
          {task.answers.map(([label, value]) => `${label}：${value}`).join('　')}
        </Typography>
      )}
      {task.comment && (
        <Typography variant="body2" sx={{ mt: 0.25, pl: 1, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap' }}>
          {task.comment}
        </Typography>
      )}
      {task.attachments && task.attachments.length > 0 && <AttachmentLinks attachments={task.attachments} />}
    </Box>
  );
};
