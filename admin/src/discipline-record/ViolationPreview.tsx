import { Alert, AlertTitle, Box, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Violation } from '../discipline-policy/disciplinePolicyForm';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import type { DisciplineDataProvider } from './disciplineRecordMethods';
import { previewWords, type ChainStepWords } from './previewText';
import type { Lang } from './violationOptions';
import { isFuture, toOccurredAt } from './violationTime';

const key = (path: string) => `resources.discipline-record.preview.${path}`;
const SEVERITY = { as_catalogued: 'info', escalated: 'warning', dismissal: 'error' } as const;

/**
 * 处理级别, inside the record form: as soon as a violation and a time are chosen, the level the
 * ladder gives it now (POST /disciplinary-actions/preview; nothing written) and why — the rule, the
 * earlier warnings it counts, a heavier level than the catalogue's in warning colours, and a
 * dismissal proposal in red with the approvals it needs. A newer choice replaces an older answer.
 */
export const ViolationPreview = ({ employeeId, violations, chain, lang }: {
  employeeId: string;
  violations: readonly Violation[];
  chain: readonly ChainStepWords[];
  lang: Lang;
}) => {
  const translate = useTranslate();
  const code = useWatch({ name: 'violationCode' }) as string | null | undefined;
  const when = useWatch({ name: 'occurredAt' }) as unknown;
  const occurredAt = isFuture(when) ? undefined : toOccurredAt(when);
  const ready = !!code && !!occurredAt;
  const preview = useConsoleQuery(
    `discipline-preview:${employeeId}:${code ?? ''}:${occurredAt ?? ''}`,
    (dp) => (dp as DisciplineDataProvider).previewDisciplinaryAction({ employeeId, violationCode: code!, occurredAt: occurredAt! }),
    { enabled: ready },
  );

  let body;
  if (!ready) {
    body = <Typography variant="body2" color="text.secondary">{translate(key('empty'))}</Typography>;
  } else if (preview.error) {
    body = <Alert severity="error">{translate(key('failed'), { message: translate(preview.error.message, { _: preview.error.message }) })}</Alert>;
  } else if (preview.isPending || !preview.data) {
    body = (
      <>
        <Typography variant="body2" color="text.secondary">{translate(key('pending'))}</Typography>
        <LinearProgress />
      </>
    );
  } else {
    const words = previewWords(preview.data, violations.find((v) => v.code === code)?.level, chain, lang, translate);
    body = (
      <Alert severity={SEVERITY[words.tone]} data-tone={words.tone}>
        <AlertTitle sx={{ fontWeight: 600 }}>{words.summary}</AlertTitle>
        {[words.counted, words.differs, words.fine, words.dismissal].filter(Boolean).map((line) => (
          <Typography key={line} variant="body2">
            {line}
          </Typography>
        ))}
      </Alert>
    );
  }
  return (
    <Box
      component="section"
      aria-label={translate(key('title'))}
      aria-live="polite"
      aria-busy={ready && preview.isPending}
      data-testid="discipline-preview"
      data-level={ready && preview.data ? preview.data.level : undefined}
      sx={{ my: 1 }}
    >
      {body}
    </Box>
  );
};
