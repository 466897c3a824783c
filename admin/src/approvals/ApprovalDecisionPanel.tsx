import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, Stack } from '@mui/material';
import { useMemo, useRef, useState } from 'react';
import {
  Form,
  FormDataConsumer,
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
import { outcomeChoices, reviewChoiceKey } from '../probation-reviews/reviewChoices';
import type { ProbationReview } from '../probation-reviews/types';
import { decisionBody, fieldPath, type DecisionFormValues } from './decisionBody';
import { REQUESTER_STEP, type ApprovalDetail } from './types';

type Decision = 'approve' | 'reject';

const empty = (value: unknown) => value === null || value === undefined || String(value).trim() === '';

/**
 * 审批: comment, the numbers this step records (the supervisor's scores), an optional change of
 * the recommended outcome, and the two big buttons. Server validation lands on the inputs
 * (`scores.interview`, `comment`); a decision someone else made first (409) says who and when.
 * A request returned to its requester (退回给发起人) has one button, 重新提交: approving the
 * requester's task restarts the chain.
 */
export const ApprovalDecisionPanel = ({
  task,
  review,
  onConflict,
}: {
  task: ApprovalDetail;
  review: ProbationReview | undefined;
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
  const resubmit = task.stepKey === REQUESTER_STEP;

  // Input-level rules that depend on which button was pressed (react-admin ignores input
  // validators once a form has its own validate).
  const rules = useMemo(() => {
    const onApprove: Validator = (value) => (decision.current === 'approve' && empty(value) ? 'ra.validation.required' : undefined);
    const comment: Validator = (value, values) =>
      (decision.current === 'reject' || values.outcome) && empty(value) ? 'resources.approvals.validation.comment_required' : undefined;
    return { onApprove, comment };
  }, []);
  const fieldRules = useMemo(
    () => Object.fromEntries(task.fields.map((f) => [f.name, [rules.onApprove, minValue(f.min), maxValue(f.max)]])),
    [task.fields, rules],
  );

  async function submit(values: DecisionFormValues) {
    const chosen = decision.current;
    setSubmitting(true);
    try {
      await dataProvider[chosen](task.id, decisionBody(chosen, values, task.fields));
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
      const inputs = new Set(['comment', 'outcome', 'extensionMonths', ...task.fields.map((f) => fieldPath(f.name))]);
      return splitFormErrors((e.body as { errors?: unknown } | null)?.errors, (path) => inputs.has(path)).inputs;
    } finally {
      setSubmitting(false);
    }
  }

  const recommended = review?.override?.outcome ?? review?.recommendation?.outcome;
  return (
    <Box>
      <Form onSubmit={submit} record={{ id: task.id }} defaultValues={{ comment: '', outcome: '' }}>
        <Stack spacing={0}>
          {task.fields.length > 0 && (
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
              {task.fields.map((f) => (
                <NumberInput
                  key={f.name}
                  source={fieldPath(f.name)}
                  label={f.label}
                  min={f.min}
                  max={f.max}
                  validate={fieldRules[f.name]}
                  helperText={`${f.min}–${f.max}`}
                />
              ))}
            </Box>
          )}
          {task.requestKind === 'probation' && !resubmit && (
            <OverrideInputs recommended={recommended ? translate(reviewChoiceKey('outcome', recommended)) : null} />
          )}
          <TextInput source="comment" label="resources.approvals.fields.comment" multiline minRows={3} validate={rules.comment} />
          <DecisionButtons disabled={submitting} resubmit={resubmit} onPress={(d) => (decision.current = d)} />
        </Stack>
      </Form>
    </Box>
  );
};

// The API's bounds for one extension (DecisionRequest.extensionMonths).
const extensionRules = [minValue(1), maxValue(6)];

/** 调整建议结果: convert / extend / end instead of the recommendation (needs a comment). */
const OverrideInputs = ({ recommended }: { recommended: string | null }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr' }, columnGap: 2 }}>
      <SelectInput
        source="outcome"
        label="resources.approvals.fields.outcome"
        choices={outcomeChoices}
        emptyText="resources.approvals.override.keep"
        helperText={recommended ? translate('resources.approvals.override.recommended', { outcome: recommended }) : false}
      />
      <FormDataConsumer<DecisionFormValues>>
        {({ formData }) =>
          formData.outcome === 'extend' && (
            <NumberInput source="extensionMonths" label="resources.approvals.fields.extensionMonths" min={1} max={6} step={1} validate={extensionRules} />
          )
        }
      </FormDataConsumer>
    </Box>
  );
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
