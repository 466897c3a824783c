import { Alert, Box, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useGetOne, useTranslate } from 'react-admin';
import { Section } from '../components/Section';
import { OpeningCandidates } from '../candidates/OpeningCandidates';
import { JobTextButton } from './JobTextButton';
import { OpeningVerbButton } from './OpeningVerbButton';
import { canManageRecruitment } from './recruitmentAccess';
import { freeHeads, openingVerbs, type Opening, type OpeningStatus } from './types';

const STATUS_COLOURS: Record<OpeningStatus, 'primary' | 'warning' | 'success' | 'default'> = {
  open: 'primary',
  paused: 'warning',
  filled: 'success',
  cancelled: 'default',
};

/** One count of the opening, labelled (招聘人数 3). */
const Count = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <Box component="div" sx={{ minWidth: 72 }}>
    <Typography variant="caption" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="h6" component="dd" sx={{ m: 0 }} data-testid={testId}>
      {value}
    </Typography>
  </Box>
);

/**
 * 招聘职位 on its requisition's page (POLICIES.md §2 step 3): its status and why, the heads —
 * to fill, filled, held by offers, free — HR's 暂停 / 恢复 / 取消 with a reason, 复制招聘启事,
 * and its candidates (board or sheet, 添加候选人).
 */
export const OpeningPanel = ({ openingId }: { openingId: string }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { data, isPending, error } = useGetOne<Opening>('openings', { id: openingId });
  const [changed, setChanged] = useState<Opening | null>(null);
  const opening = changed && data && changed.version >= data.version ? changed : data;
  const t = (k: string, options?: Record<string, unknown>) => translate(`resources.openings.${k}`, options);
  const manages = canManageRecruitment(identity?.roles as string[] | undefined);

  return (
    <Section title={t('title')} id="opening" sx={{ gridColumn: '1 / -1' }}>
      {isPending ? (
        <CircularProgress size={20} aria-label={t('title')} />
      ) : error || !opening ? (
        <Alert severity="warning">{t('not_loaded')}</Alert>
      ) : (
        <Stack spacing={2} data-testid="opening-panel">
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
            <Chip size="small" color={STATUS_COLOURS[opening.status]} label={opening.statusLabel} data-testid="opening-status" />
            {opening.statusReason && (
              <Typography variant="body2" color="text.secondary" data-testid="opening-reason">
                {t('fields.statusReason')}：{opening.statusReason}
              </Typography>
            )}
          </Stack>
          <Box component="dl" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', m: 0 }}>
            <Count label={t('fields.headcount')} value={opening.headcount} testId="opening-headcount" />
            <Count label={t('fields.filled')} value={opening.filled} testId="opening-filled" />
            {opening.held !== undefined && <Count label={t('fields.held')} value={opening.held} testId="opening-held" />}
            <Count label={t('fields.free')} value={freeHeads(opening)} testId="opening-free" />
          </Box>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <JobTextButton openingId={opening.id} />
            {manages && openingVerbs(opening.status).map((verb) => <OpeningVerbButton key={verb} opening={opening} verb={verb} onDone={setChanged} />)}
          </Stack>
          <OpeningCandidates opening={opening} manages={manages} />
        </Stack>
      )}
    </Section>
  );
};
