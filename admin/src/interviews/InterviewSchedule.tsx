import { Alert, Box, CircularProgress, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { canManageRecruitment, canRecruit } from '../providers/authProvider';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { InterviewCard } from './InterviewCard';
import { dayHeading, rangeDates, roundsByDay, type ScheduleRange, type ScheduleScope } from './schedule';

/**
 * 面试安排 (#14): the interview rounds by company day — time, candidate, round, place or online
 * link, interviewers with who has scored — and 评分 on the rounds I am asked to score. HR starts
 * on every round, everyone else on 我的面试; the recruiters (who may see more than their own)
 * switch between the two. 未来 14 天 or 本周. One card per round, a column of them on a phone.
 */
const InterviewSchedule = () => {
  const { identity, isPending: identityPending } = useGetIdentity();
  if (identityPending || !identity) return null;
  const roles = identity.roles as string[] | undefined;
  return <Schedule initialScope={canManageRecruitment(roles) ? 'all' : 'mine'} canSwitchScope={canRecruit(roles)} />;
};

const Schedule = ({ initialScope, canSwitchScope }: { initialScope: ScheduleScope; canSwitchScope: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (k: string, options?: Record<string, unknown>) => translate(`resources.interviews.${k}`, options);
  const [scope, setScope] = useState<ScheduleScope>(initialScope);
  const [range, setRange] = useState<ScheduleRange>('next14');
  const { from, to } = rangeDates(range, new Date());
  const mine = scope === 'mine';
  const { data, error, isPending, refetch } = useConsoleQuery(`interviews|${from}|${to}|${scope}`, (dp) => dp.interviewSchedule({ from, to, mine }));
  const days = roundsByDay(data ?? []);

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1200 }}>
      <Title title={t('title')} />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mb: 2 }}>
        {canSwitchScope && (
          <ToggleButtonGroup size="small" exclusive value={scope} onChange={(_, next: ScheduleScope | null) => next && setScope(next)} aria-label={t('scope.label')}>
            <ToggleButton value="mine">{t('scope.mine')}</ToggleButton>
            <ToggleButton value="all">{t('scope.all')}</ToggleButton>
          </ToggleButtonGroup>
        )}
        <ToggleButtonGroup size="small" exclusive value={range} onChange={(_, next: ScheduleRange | null) => next && setRange(next)} aria-label={t('range.label')}>
          <ToggleButton value="next14">{t('range.next14')}</ToggleButton>
          <ToggleButton value="week">{t('range.week')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : isPending ? (
        <CircularProgress size={24} aria-label={translate('ra.page.loading')} />
      ) : days.length === 0 ? (
        <Typography color="text.secondary">{t(mine ? 'empty_mine' : 'empty')}</Typography>
      ) : (
        <Stack spacing={3} data-testid="interview-schedule">
          {days.map((day) => {
            const heading = dayHeading(day.date, locale);
            return (
              <Box component="section" key={day.date} aria-labelledby={`day-${day.date}`} data-day={day.date}>
                <Typography variant="subtitle1" component="h2" id={`day-${day.date}`} sx={{ fontWeight: 600, mb: 1 }}>
                  {heading}
                </Typography>
                {/* One column on a phone; cards side by side where there is room. */}
                <Box component="ul" aria-label={t('day_label', { day: heading })} sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(auto-fill, minmax(340px, 1fr))' } }}>
                  {day.rounds.map((round) => (
                    <InterviewCard key={`${round.hiringId}-${round.round}`} round={round} onScored={refetch} />
                  ))}
                </Box>
              </Box>
            );
          })}
        </Stack>
      )}
    </Box>
  );
};

export default InterviewSchedule;
