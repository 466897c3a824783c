import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  DateTimeInput,
  maxLength,
  required,
  TextInput,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRedirect,
  useTranslate,
  type HttpError,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { AttachmentsInput } from '../attachments/AttachmentsInput';
import { readyIds, stillUploading, type UploadItem } from '../attachments/uploads';
import { FormDialog } from '../components/FormDialog';
import type { DisciplinePolicyValues } from '../discipline-policy/disciplinePolicyForm';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import type { DisciplineDataProvider } from './disciplineRecordMethods';
import { recordRefusal } from './recordErrors';
import { ViolationPreview } from './ViolationPreview';
import { FACTS_MAX } from './types';
import { violationOptions, type Lang, type ViolationOption } from './violationOptions';
import { companyDateTime, isFuture, toOccurredAt } from './violationTime';

const key = (path: string) => `resources.discipline-record.record.${path}`;
const notFuture = (value: unknown) => (isFuture(value) ? key('future') : undefined);
const validateViolation = required();
const validateTime = [required(), notFuture];
const validateFacts = [required(), maxLength(FACTS_MAX)];
const groupBy = (option: ViolationOption) => option.group;

type Values = {
  violationCode: string;
  occurredAt: string;
  facts: string;
};

/**
 * 记录违纪 (POLICIES.md §4; 004 第五条): the violation from the discipline policy's catalogue
 * (searchable, by level), when it happened (company time, not in the future), the facts and the
 * evidence. As soon as a violation and a time are chosen the API's preview says the level the
 * ladder gives it and why — before anything is saved. The API's refusals show under their
 * inputs (violationCode, occurredAt, facts), under the evidence, or above the buttons (the
 * employee). Saved, the action's page opens.
 */
export const RecordViolationDialog = ({ employee, onClose }: { employee: { id: string; name: string }; onClose: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang: Lang = locale === 'en' ? 'en' : 'zh-CN';
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<DisciplineDataProvider>();
  const queryClient = useQueryClient();
  const policy = useConsoleQuery('policy:discipline', (dp) => dp.getPolicy('discipline'));
  const values = policy.data?.values as DisciplinePolicyValues | undefined;
  const options = useMemo(() => (values ? violationOptions(values.violations, lang, values.options.fines, translate) : []), [values, lang, translate]);
  const [defaults] = useState<Values>(() => ({ violationCode: '', occurredAt: companyDateTime(), facts: '' }));
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [evidenceError, setEvidenceError] = useState<string | undefined>(undefined);

  async function submit(input: Values): Promise<Record<string, unknown> | undefined> {
    setRefusal(null);
    setEvidenceError(undefined);
    if (stillUploading(uploads)) {
      setRefusal(translate(key('uploading')));
      return undefined;
    }
    setSubmitting(true);
    try {
      const { data } = await dataProvider.recordDisciplinaryAction({
        employeeId: employee.id,
        violationCode: input.violationCode,
        occurredAt: toOccurredAt(input.occurredAt) ?? input.occurredAt,
        facts: input.facts.trim(),
        evidence: readyIds(uploads),
      });
      notify(key('done'), { type: 'success' });
      // The employee's history and the actions' lists read again.
      void queryClient.invalidateQueries({ queryKey: ['disciplinary-actions'] });
      onClose();
      redirect('show', 'disciplinary-actions', data.id);
      return undefined;
    } catch (error) {
      const { inputs, evidence, refusal: whole } = recordRefusal(error as HttpError);
      setEvidenceError(evidence);
      setRefusal(whole);
      return inputs;
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <FormDialog
      id="record-violation"
      open
      onClose={onClose}
      title={translate(key('title'), { name: employee.name })}
      submitLabel={key('submit')}
      submitting={submitting}
      onSubmit={submit}
      defaultValues={defaults}
      noValidate
    >
      {policy.isPending ? (
        <CircularProgress size={24} />
      ) : policy.error || !values ? (
        <Alert severity="error">{translate(key('policy_failed'), { message: policy.error?.message ?? '' })}</Alert>
      ) : (
        <Box sx={{ display: 'grid', gap: 0.5, pt: 1 }} data-testid="record-violation">
          <AutocompleteInput
            source="violationCode"
            label={key('violation')}
            choices={options}
            groupBy={groupBy}
            translateChoice={false}
            validate={validateViolation}
            helperText={key('violation_hint')}
            noOptionsText={translate(key('no_options'))}
            fullWidth
          />
          <DateTimeInput
            source="occurredAt"
            label={key('occurredAt')}
            validate={validateTime}
            helperText={key('occurredAt_hint')}
            slotProps={{ htmlInput: { max: companyDateTime() } }}
          />
          <ViolationPreview employeeId={employee.id} violations={values.violations} chain={values.dismissalChain} lang={lang} />
          <TextInput
            source="facts"
            label={key('facts')}
            multiline
            minRows={4}
            validate={validateFacts}
            helperText={<FactsRemaining />}
            slotProps={{ htmlInput: { maxLength: FACTS_MAX } }}
            fullWidth
          />
          <Box>
            <Typography variant="body2" color="text.secondary">
              {translate(key('evidence'))} · {translate(key('evidence_hint'))}
            </Typography>
            <AttachmentsInput items={uploads} onChange={setUploads} error={evidenceError} disabled={submitting} testId="violation-evidence" />
          </Box>
          {refusal && (
            <Alert severity="error" data-testid="record-violation-refusal">
              {refusal}
            </Alert>
          )}
        </Box>
      )}
    </FormDialog>
  );
};

/** 还可输入 1988 字: the facts' allowance, counting down. */
const FactsRemaining = () => {
  const translate = useTranslate();
  const count = ((useWatch({ name: 'facts' }) as string | undefined) ?? '').length;
  return (
    <Typography component="span" variant="caption" color={count >= FACTS_MAX ? 'error' : 'text.secondary'}>
      {translate(key('facts_remaining'), { count: Math.max(0, FACTS_MAX - count) })}
    </Typography>
  );
};
