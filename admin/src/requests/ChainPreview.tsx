import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useConsoleQuery } from '../providers/useConsoleQuery';

/**
 * 审批流程预览, shown before a request is started: each step of the chain in order with the
 * people who would be asked now (from the org tree and the policy; a delegate says for whom),
 * a step the policy would skip, and a step nobody can sign yet.
 */
export const ChainPreview = ({
  kind,
  subjectEmployeeId,
  stepNote,
}: {
  kind: string;
  subjectEmployeeId: string;
  /** A word on a step from the request being written (人才增补: asked only from a headcount on). */
  stepNote?: (stepKey: string) => string | undefined;
}) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.requests.preview.${key}`, options);
  const { data: steps, error } = useConsoleQuery(`chain-preview:${kind}:${subjectEmployeeId}`, (dp) => dp.previewChain(kind, subjectEmployeeId));
  if (error) return <Alert severity="warning">{error.message}</Alert>;
  if (!steps) return <CircularProgress size={20} />;
  return (
    <Box data-testid="chain-preview">
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {t('title')}
      </Typography>
      <Box component="ol" sx={{ m: 0, pl: 3 }}>
        {steps.map((s) => {
          const people = s.approvers.map((a) => (a.onBehalfOfName ? t('on_behalf', { name: a.name, of: a.onBehalfOfName }) : a.name)).join(s.mode === 'all' ? ' + ' : t('or'));
          return (
            <Box component="li" key={s.key} data-step={s.key} sx={{ mb: 0.5 }}>
              <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                {s.label}
              </Typography>
              <Typography variant="body2" component="span" color={s.approvers.length === 0 ? 'error' : 'text.secondary'}>
                {'：'}
                {s.skipped ? t(`skipped.${s.skipped}`, { name: people }) : s.approvers.length === 0 ? t('nobody') : `${people}${s.approvers.length > 1 ? t(`mode.${s.mode}`) : ''}`}
              </Typography>
              {stepNote?.(s.key) && (
                <Typography variant="caption" component="div" color="text.secondary" data-step-note>
                  {stepNote(s.key)}
                </Typography>
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
};
