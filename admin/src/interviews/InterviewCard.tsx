import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import { Box, Chip, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { InterviewScoreButton } from './InterviewScoreButton';
import { onlineLink, timeOfDay } from './schedule';
import type { ScheduledRound } from './types';

const STATUS_COLOURS = { asking: 'primary', done: 'success', ended: 'default' } as const;

/**
 * One round on 面试安排: its time and status, the candidate (a link to their page for those who
 * may open it), post and round, the place (an online meeting's link opens), each interviewer
 * with whether they have scored (and the score where the API gives it), and 评分 when the round
 * waits for mine.
 */
export const InterviewCard = ({ round, onScored }: { round: ScheduledRound; onScored: () => void }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const t = (k: string, options?: Record<string, unknown>) => translate(`resources.interviews.${k}`, options);
  const titleId = `interview-${round.hiringId}-${round.round}`;
  const link = onlineLink(round.place);
  return (
    <Paper component="li" variant="outlined" sx={{ p: 1.5, minWidth: 0 }} aria-labelledby={titleId} data-testid="interview-card" data-hiring={round.hiringId} data-round={round.round}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Typography variant="h6" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          <time dateTime={round.at}>{timeOfDay(round.at, locale)}</time>
        </Typography>
        <Chip size="small" color={STATUS_COLOURS[round.status]} label={round.statusLabel} data-testid="interview-status" />
      </Stack>
      <Typography variant="subtitle1" component="h3" id={titleId} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {round.candidateVisible ? (
          <Link to={createPath({ resource: 'candidates', id: round.candidateId, type: 'show' })}>{round.candidateName}</Link>
        ) : (
          round.candidateName
        )}
        {' · '}
        {round.roundLabel}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('card.post', { post: round.postLabel, team: round.teamName })}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }} data-testid="interview-place">
        {link ? (
          <MuiLink href={link} target="_blank" rel="noopener noreferrer">
            {t('card.online')}
          </MuiLink>
        ) : (
          <>
            {t('card.place')}：{round.place}
          </>
        )}
      </Typography>
      <Box component="ul" aria-label={t('card.interviewers')} sx={{ listStyle: 'none', m: 0, mt: 1, p: 0 }}>
        {round.interviewers.map((person, i) => (
          <Box component="li" key={`${person.employeeId ?? person.name}-${i}`} data-answered={person.answered} sx={{ display: 'flex', alignItems: 'center', gap: 0.75, py: 0.25 }}>
            {person.answered ? <CheckCircleIcon color="success" fontSize="small" aria-hidden /> : <HourglassEmptyIcon color="disabled" fontSize="small" aria-hidden />}
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {person.name}
              <Typography component="span" variant="body2" color="text.secondary">
                {' · '}
                {person.answered ? t('card.answered') : t('card.not_answered')}
                {person.score !== undefined && ` · ${t('card.score', { score: person.score, recommendation: person.recommendationLabel ?? '' })}`}
              </Typography>
            </Typography>
          </Box>
        ))}
      </Box>
      {round.myTaskId && (
        <Box sx={{ mt: 1 }}>
          <InterviewScoreButton round={round} taskId={round.myTaskId} onScored={onScored} />
        </Box>
      )}
    </Paper>
  );
};
