import { maxDecimals } from './decimals';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, Stack } from '@mui/material';
import { useMemo, useRef, useState } from 'react';
import {
  DateInput,
  Form,
  HttpError,
  NumberInput,
  SelectInput,
  TextInput,
  maxValue,
  minValue,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRedirect,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { splitFormErrors } from '../components/formErrors';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { decisionBody, type DecisionFormValues } from './decisionBody';
import { AttachmentsInput } from '../attachments/AttachmentsInput';
import { readyIds, stillUploading, type UploadItem } from '../attachments/uploads';
import { REQUESTER_STEP, type ApprovalDetail, type DecisionField } from './types';

type Decision = 'approve' | 'reject';

const empty = (value: unknown) => value === null || value === undefined || String(value).trim() === '';

/**
 * 审批: the fields this step's decision collects — built from the step's spec the API sends
 * (numbers with their bounds, whole numbers, dates, choices, text; required ones needed to
 * approve) — the comment, and the two big buttons. Nothing here knows a request kind. Server
 * validation lands on the inputs (`scores.interview`, `comment`); a decision someone else made
 * first (409) says who and when. A request returned to its requester (退回给发起人) has one
 * button, 重新提交: approving the requester's task restarts the chain.
 */
export const ApprovalDecisionPanel = ({
  task,
  onConflict,
}: {
  task: ApprovalDetail;
  /** A decision made first by someone else: who and when, worded for people. */
  onConflict: (message: string) => void;
}) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const decision = useRef<Decision>('approve');
  const [submitting, setSubmitting] = useState(false);
  // 添加附件 (#12): files uploading or uploaded for this decision; the finished ones go with it.
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [attachmentsError, setAttachmentsError] = useState<string | undefined>();
  const resubmit = task.stepKey === REQUESTER_STEP;

  // Input-level rules that depend on which button was pressed (react-admin ignores input
  // validators once a form has its own validate).
  const rules = useMemo(() => {
    const onApprove: Validator = (value) => (decision.current === 'approve' && empty(value) ? 'ra.validation.required' : undefined);
    const comment: Validator = (value) => (decision.current === 'reject' && empty(value) ? 'resources.approvals.validation.comment_required' : undefined);
    return { onApprove, comment };
  }, []);

  async function submit(values: DecisionFormValues) {
    const chosen = decision.current;
    if (stillUploading(uploads)) {
      notify('resources.attachments.wait', { type: 'warning' });
      return undefined;
    }
    setSubmitting(true);
    setAttachmentsError(undefined);
    try {
      const attachments = readyIds(uploads);
      await dataProvider[chosen](task.id, { ...decisionBody(chosen, values, task.fields), ...(attachments.length ? { attachments } : {}) });
      notify(`resources.approvals.notifications.${resubmit ? 'resubmitted' : `${chosen}d`}`, { type: 'success' });
      redirect('list', 'approvals');
      // Every page read before shows the task (and its request) as it was: read them again.
      refresh();
      return undefined;
    } catch (error) {
      const e = error as HttpError;
      if (e.status === 409) {
        const body = (e.body ?? {}) as { decidedBy?: string | null; decidedAt?: string | null };
        const time = body.decidedAt ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(body.decidedAt)) : null;
        onConflict(body.decidedBy && time ? translate('resources.approvals.conflict', { name: body.decidedBy, time }) : e.message);
        refresh();
        return undefined;
      }
      notify(e.message, { type: 'error' });
      const refused = ((e.body as { errors?: Array<{ path?: string; message?: string }> } | null)?.errors ?? []).find((x) => x.path === 'attachments');
      if (refused) setAttachmentsError(refused.message);
      const inputs = new Set(['comment', ...task.fields.map((f) => f.path)]);
      return splitFormErrors((e.body as { errors?: unknown } | null)?.errors, (path) => inputs.has(path)).inputs;
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Box>
      {/* noValidate: the browser's own (English) bubbles would cover our hints; the rules below say it in the console's language. */}
      <Form onSubmit={submit} record={{ id: task.id }} defaultValues={{ ...(task.prefill ?? {}), comment: '' }} noValidate>
        <Stack spacing={0}>
          {task.fields.length > 0 && (
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
              {task.fields.map((f) => <FieldInput key={f.path} field={f} onApprove={rules.onApprove} />)}
            </Box>
          )}
          <TextInput source="comment" label="resources.approvals.fields.comment" multiline minRows={3} validate={rules.comment} />
          <AttachmentsInput items={uploads} onChange={setUploads} error={attachmentsError} disabled={submitting} />
          <DecisionButtons disabled={submitting} resubmit={resubmit} onPress={(d) => (decision.current = d)} />
        </Stack>
      </Form>
    </Box>
  );
};

/** One field of the step's spec, as the input of its type (面试安排's 评分 form uses it too). */
export const FieldInput = ({ field: f, onApprove }: { field: DecisionField; onApprove: Validator }) => {
  const translate = useTranslate();
  const validate = [
    ...(f.required ? [onApprove] : []), ...(f.min !== undefined ? [minValue(f.min)] : []), ...(f.max !== undefined ? [maxValue(f.max)] : []),
    ...(f.decimals !== undefined ? [maxDecimals(f.decimals)] : []),
  ];
  const bounds = f.min !== undefined && f.max !== undefined
    ? translate(f.decimals !== undefined ? 'resources.approvals.validation.bounds_decimals' : 'resources.approvals.validation.bounds', { min: f.min, max: f.max, n: f.decimals })
    : false;
  switch (f.type) {
    case 'integer':
    case 'number':
      return <NumberInput source={f.path} label={f.label} min={f.min} max={f.max} step={f.type === 'integer' ? 1 : 'any'} validate={validate} helperText={bounds} />;
    case 'date':
      return <DateInput source={f.path} label={f.label} validate={validate} />;
    case 'choice':
      return <SelectInput source={f.path} label={f.label} choices={(f.options ?? []).map((o) => ({ id: o.value, name: o.label }))} translateChoice={false} validate={validate} emptyText="—" />;
    case 'text':
      return <TextInput source={f.path} label={f.label} multiline validate={validate} sx={{ gridColumn: '1 / -1' }} />;
  }
};

/**
 * 同意 / 驳回 (or 重新提交 alone): big and side by side. On a phone they stay at the bottom of
 * the screen while the approver scrolls through the scores (sticky inside the form), so the
 * decision is always one thumb away.
 */
const DecisionButtons = ({ onPress, disabled, resubmit }: { onPress: (decision: Decision) => void; disabled: boolean; resubmit: boolean }) => {
  const translate = useTranslate();
  const press = (d: Decision) => () => onPress(d);
  return (
    <Stack
      direction="row"
      spacing={{ xs: 1.5, sm: 2 }}
      data-testid="decision-buttons"
      sx={{
        mt: 1,
        position: { xs: 'sticky', sm: 'static' },
        bottom: 0,
        zIndex: 2,
        py: { xs: 1, sm: 0 },
        bgcolor: 'background.paper',
        boxShadow: { xs: '0 -6px 8px -6px rgba(0, 0, 0, 0.25)', sm: 'none' },
      }}
    >
      <Button type="submit" variant="contained" color="success" size="large" startIcon={<CheckIcon />} disabled={disabled} onClick={press('approve')} sx={{ minHeight: 48, flex: 1 }}>
        {translate(resubmit ? 'resources.approvals.actions.resubmit' : 'resources.approvals.actions.approve')}
      </Button>
      {!resubmit && (
        <Button type="submit" variant="outlined" color="error" size="large" startIcon={<CloseIcon />} disabled={disabled} onClick={press('reject')} sx={{ minHeight: 48, flex: 1, bgcolor: 'background.paper' }}>
          {translate('resources.approvals.actions.reject')}
        </Button>
      )}
    </Stack>
  );
};
