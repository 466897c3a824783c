import HowToRegIcon from '@mui/icons-material/HowToReg';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, Link, useCreatePath, useDataProvider, useGetIdentity, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Employee } from '../employees/types';
import { canStartProbationReview } from '../providers/authProvider';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { AttachmentsInput } from '../attachments/AttachmentsInput';
import { readyIds, stillUploading, type UploadItem } from '../attachments/uploads';
import { ChainPreview } from '../requests/ChainPreview';
import { REVIEW_KINDS, reviewChoiceKey } from './reviewChoices';
import type { ProbationReview, ReviewKind } from './types';

type Result = { review: ProbationReview; message: string | null } | { error: string };

/** 申请说明's longest text, as the API has it (functions/workflow/kinds/probation.ts PROBATION_STATEMENT_MAX). */
const STATEMENT_MAX = 500;

/**
 * 发起转正评审, on an employee on probation: by the employee themselves, their superiors or
 * HR (§3). Early (before the end date, after a month of service) or the scheduled review (in
 * the window before the end date). The server's answer is shown as it says it: a deferral to
 * next month's round, or the rule that refused the start.
 */
export const StartProbationReviewButton = () => {
  const employee = useRecordContext<Employee>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const refresh = useRefresh();
  const createPath = useCreatePath();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ReviewKind>('early');
  const [statement, setStatement] = useState('');
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  if (!employee || employee.status !== 'probation' || !identity) return null;
  const self = identity.employeeId === employee.id;
  if (!canStartProbationReview(identity.roles as string[] | undefined, self)) return null;

  const close = () => {
    setOpen(false);
    setResult(null);
  };
  async function start() {
    if (!employee) return;
    if (stillUploading(uploads)) return;
    setBusy(true);
    try {
      const attachments = readyIds(uploads);
      const { data, message } = await dataProvider.startProbationReview({
        employeeId: String(employee.id), kind, ...(statement.trim() ? { statement: statement.trim() } : {}), ...(attachments.length ? { attachments } : {}),
      });
      setResult({ review: data as ProbationReview, message });
      refresh();
    } catch (error) {
      setResult({ error: (error as HttpError).message });
    } finally {
      setBusy(false);
    }
  }

  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.probation-reviews.start.${key}`, options);
  return (
    <>
      <Button label="resources.probation-reviews.start.action" onClick={() => setOpen(true)}>
        <HowToRegIcon />
      </Button>
      <Dialog open={open} onClose={close} fullScreen={fullScreen} aria-labelledby="start-review-title">
        <DialogTitle id="start-review-title">{t('title', { name: employee.name })}</DialogTitle>
        <DialogContent>
          {result && 'review' in result ? (
            <Alert severity={result.message ? 'info' : 'success'} data-testid="start-review-result">
              {result.message ?? t('started')}{' '}
              <Link to={createPath({ resource: 'probation-reviews', id: result.review.id, type: 'show' })}>{t('open')}</Link>
            </Alert>
          ) : (
            <>
              <RadioGroup value={kind} onChange={(_e, value) => setKind(value as ReviewKind)} aria-label={t('kind')}>
                {REVIEW_KINDS.map((k) => (
                  <FormControlLabel
                    key={k}
                    value={k}
                    control={<Radio />}
                    label={
                      <>
                        {translate(reviewChoiceKey('kind', k))}
                        <Typography variant="caption" component="div" color="text.secondary">
                          {t(`hints.${k}`)}
                        </Typography>
                      </>
                    }
                    sx={{ alignItems: 'flex-start', mb: 1, '& .MuiRadio-root': { pt: 0.5 } }}
                  />
                ))}
              </RadioGroup>
              <TextField
                label={t('statement')}
                value={statement}
                onChange={(e) => setStatement(e.target.value)}
                multiline
                minRows={2}
                fullWidth
                size="small"
                slotProps={{ htmlInput: { maxLength: STATEMENT_MAX } }}
                helperText={`${statement.length} / ${STATEMENT_MAX}`}
                sx={{ mb: 2 }}
              />
              <AttachmentsInput items={uploads} onChange={setUploads} disabled={busy} testId="start-attachments" />
              <ChainPreview kind="probation" subjectEmployeeId={String(employee.id)} />
              {result && 'error' in result && (
                <Alert severity="error" data-testid="start-review-result">
                  {result.error}
                </Alert>
              )}
            </>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate(result && 'review' in result ? 'ra.action.close' : 'ra.action.cancel')}</MuiButton>
          {!(result && 'review' in result) && (
            <MuiButton variant="contained" onClick={start} disabled={busy}>
              {t('submit')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
