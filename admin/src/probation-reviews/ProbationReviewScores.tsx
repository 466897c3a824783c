import { Alert, Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { GapChip } from '../components/GapChip';
import { reviewChoiceKey } from './reviewChoices';
import type { ProbationReview } from './types';

const SCORE_NAMES = ['dailyPerformance', 'professionalTest', 'interview'];
const ATTENDANCE_NAMES = ['personalLeaveCount', 'lateCount', 'earlyLeaveCount'];

const Term = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body2" component="dd" sx={{ m: 0 }}>
      {children}
    </Typography>
  </>
);

const grid = { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 } as const;

/**
 * The assessment (POLICIES.md §3): the three scores, the weighted score and its band — marked
 * when the band is one the source documents leave open, so nobody mistakes our default for
 * company policy — the attendance and its breaches, and the outcome as recommended, as
 * overridden by an approver, and as finally recorded.
 */
export const ProbationReviewScores = ({ review }: { review: ProbationReview }) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.probation-reviews.${key}`, options);
  if (!review.scores && !review.finalOutcome) {
    return <Typography color="text.secondary">{t('empty.scores')}</Typography>;
  }
  return (
    <Stack spacing={2}>
      {review.scores && (
        <Box component="dl" sx={grid}>
          {SCORE_NAMES.map((name) => (
            <Term key={name} label={t(`score_names.${name}`)}>
              {review.scores?.[name] ?? '—'}
            </Term>
          ))}
          <Term label={t('fields.weighted')}>
            <strong>{review.weighted ?? '—'}</strong>
          </Term>
          {review.band && (
            <Term label={t('fields.band')}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <span>
                  ≥ {review.band.min} · {translate(reviewChoiceKey('band', review.band.outcome))}
                </span>
                {review.band.gap && <GapChip testId="band-gap" />}
              </Stack>
            </Term>
          )}
        </Box>
      )}
      {review.attendance && (
        <Box>
          <Box component="dl" sx={grid}>
            {ATTENDANCE_NAMES.map((name) => (
              <Term key={name} label={t(`attendance_names.${name}`)}>
                {review.attendance?.[name] ?? 0}
              </Term>
            ))}
          </Box>
          {review.breaches.map((b) => (
            <Alert key={b.rule} severity="warning" sx={{ mt: 1 }}>
              {t('breach', { rule: t(`breach_rules.${b.rule}`, { _: b.rule }), count: b.count, limit: b.limit })}
            </Alert>
          ))}
        </Box>
      )}
      <Box component="dl" sx={grid}>
        {review.recommendation && (
          <Term label={t('fields.recommendation')}>
            {translate(reviewChoiceKey('outcome', review.recommendation.outcome))}
            {review.recommendation.early && ` · ${t('early_conversion')}`}
            {review.recommendation.reasons.length > 0 && (
              <Typography variant="caption" component="div" color="text.secondary">
                {review.recommendation.reasons.map((r) => t(`reasons.${r}`, { _: r })).join(' · ')}
              </Typography>
            )}
          </Term>
        )}
        {review.override && (
          <Term label={t('fields.override')}>
            {translate(reviewChoiceKey('outcome', review.override.outcome))}
            {review.override.extensionMonths ? ` · ${t('extension_months', { months: review.override.extensionMonths })}` : ''}
            <Typography variant="caption" component="div" color="text.secondary">
              {t('override_by', { name: review.override.byName, comment: review.override.comment })}
            </Typography>
          </Term>
        )}
        {review.finalOutcome && (
          <Term label={t('fields.finalOutcome')}>
            <strong>{translate(reviewChoiceKey('status', review.finalOutcome.outcome), { _: review.finalOutcome.outcome })}</strong>
          </Term>
        )}
      </Box>
    </Stack>
  );
};
