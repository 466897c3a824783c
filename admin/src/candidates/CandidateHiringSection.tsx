import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import type { CandidateHiring, HiringRound } from './types';

/**
 * 面试流程: the candidate's hiring process — its status and current step, and each round: when,
 * where, who interviews, 或签 or 会签, each interviewer's score, recommendation and notes, and
 * the average. Interviewers answer in 待我审批 (or by mail), not here.
 */
export const CandidateHiringSection = ({ hiring }: { hiring: CandidateHiring | null | undefined }) => {
  const translate = useTranslate();
  const t = (k: string, options?: Record<string, unknown>) => translate(`resources.candidates.hiring.${k}`, options);
  if (!hiring) return <Typography variant="body2" color="text.secondary">{t('none')}</Typography>;
  return (
    <Stack spacing={1.5} data-testid="candidate-hiring">
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        <Chip size="small" color={hiring.status === 'hire_approved' ? 'success' : hiring.status === 'interviewing' ? 'primary' : 'default'} label={t('status', { status: hiring.statusLabel })} data-testid="hiring-status" />
        {hiring.currentStepLabel && (
          <Typography variant="body2" data-testid="hiring-current-step">
            {t('current', { step: hiring.currentStepLabel })}
          </Typography>
        )}
      </Stack>
      <Stack component="ol" spacing={1} sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {hiring.rounds.map((round) => (
          <RoundCard key={round.round} round={round} />
        ))}
      </Stack>
    </Stack>
  );
};

const RoundCard = ({ round }: { round: HiringRound }) => {
  const translate = useTranslate();
  const dateTime = useDateTime();
  const t = (k: string, options?: Record<string, unknown>) => translate(`resources.candidates.hiring.${k}`, options);
  const headingId = `round-${round.round}-title`;
  return (
    <Paper component="li" variant="outlined" sx={{ p: 1.5 }} aria-labelledby={headingId} data-round={round.round}>
      <Typography id={headingId} variant="subtitle2" component="h3">
        {round.label}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {t(`mode.${round.mode}`)}
      </Typography>
      {round.interview ? (
        <Box sx={{ mt: 0.5 }}>
          <Typography variant="body2" data-testid={`round-${round.round}-schedule`} sx={{ overflowWrap: 'anywhere' }}>
            {t('scheduled', { at: dateTime(round.interview.at), place: round.interview.place })}
          </Typography>
          <Typography variant="body2">{t('interviewers', { names: round.interview.interviewers.map((p) => p.name).join('、') })}</Typography>
          <Typography variant="caption" color="text.secondary">{t('scheduled_by', { name: round.interview.scheduledByName })}</Typography>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">{t('not_scheduled')}</Typography>
      )}
      {round.interview && (
        <Box sx={{ mt: 1 }}>
          {round.answers.length === 0 ? (
            <Typography variant="body2" color="text.secondary">{t('no_answers')}</Typography>
          ) : (
            <>
              <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid={`round-${round.round}-average`}>
                {t('average', { average: round.average ?? '—', count: round.answers.length })}
              </Typography>
              <Box component="ul" aria-label={t('answers_label', { round: round.label })} sx={{ m: 0, pl: 2.5 }}>
                {round.answers.map((a) => (
                  <li key={`${a.name}-${a.at}`}>
                    <Typography variant="body2">{t('answer', { name: a.name, score: a.score, recommendation: a.recommendationLabel })}</Typography>
                    {a.notes && <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>{a.notes}</Typography>}
                  </li>
                ))}
              </Box>
            </>
          )}
        </Box>
      )}
    </Paper>
  );
};
