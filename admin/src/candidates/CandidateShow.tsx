import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { HttpError, Link, Show, useCreatePath, useDataProvider, useGetIdentity, useNotify, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { Section } from '../components/Section';
import { CandidateOfferPanel } from '../offers/CandidateOfferPanel';
import { canManageRecruitment } from '../openings/recruitmentAccess';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { DuplicateChip } from './CandidateBoard';
import { CandidateHiringSection } from './CandidateHiringSection';
import { CandidateStageMenu } from './CandidateStageMenu';
import { STAGE_COLOURS } from './candidateStages';
import { DuplicateLinks } from './DuplicateLinks';
import { ScheduleInterviewButton } from './ScheduleInterviewButton';
import type { Candidate } from './types';

/** 候选人：张三, in the app bar (the page's h1). */
const CandidateTitle = () => {
  const record = useRecordContext<Candidate>();
  const translate = useTranslate();
  return record ? <>{translate('resources.candidates.title', { name: record.name })}</> : null;
};

/** A candidate: who they are, their CV, earlier candidates they repeat, their interviews and their offer. */
const CandidateShow = () => (
  <Show actions={false} title={<CandidateTitle />}>
    <CandidateLayout />
  </Show>
);

const Term = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body2" component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </>
);

/** 下载简历: the CV through GET /candidates/{id}/cv (each look audited), opened from its short-lived link. */
const CvLink = ({ candidate }: { candidate: Candidate }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  if (!candidate.cv) return <>{translate('resources.candidates.cv.none')}</>;
  const fileName = candidate.cv.fileName;
  async function open() {
    try {
      const { data } = await dataProvider.candidateCvLink(candidate.id);
      window.location.assign(data.url);
    } catch (err) {
      notify('resources.candidates.cv.failed', { type: 'error', messageArgs: { message: err instanceof HttpError ? err.message : String(err) } });
    }
  }
  return (
    <MuiLink component="button" type="button" variant="body2" onClick={() => void open()} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }} data-testid="candidate-cv-link">
      <DownloadIcon fontSize="inherit" />
      {translate('resources.candidates.cv.download', { name: fileName })}
    </MuiLink>
  );
};

const CandidateLayout = () => {
  const candidate = useRecordContext<Candidate>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { identity } = useGetIdentity();
  const [locale] = useLocaleState();
  if (!candidate) return null;
  const f = (field: string) => translate(`resources.candidates.fields.${field}`);
  const t = (k: string) => translate(`resources.candidates.${k}`);
  const manages = canManageRecruitment(identity?.roles as string[] | undefined);
  const interviewing = !candidate.hiring || candidate.hiring.status === 'interviewing';
  return (
    <Box sx={{ p: { xs: 1.5, sm: 2 }, display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
      <Stack spacing={3}>
        <Box>
          <Typography variant="h6" component="h2">{candidate.name}</Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
            <Chip size="small" color={STAGE_COLOURS[candidate.stage]} label={candidate.stageLabel} data-testid="candidate-stage" />
            <DuplicateChip candidate={candidate} />
            <CandidateStageMenu candidate={candidate} />
          </Stack>
        </Box>
        {candidate.erasedAt && (
          <Alert severity="info" data-testid="candidate-erased">
            {translate('resources.candidates.erased', { date: new Date(candidate.erasedAt).toLocaleDateString(locale, { dateStyle: 'medium' }) })}
          </Alert>
        )}
        <Section title={t('sections.details')} id="candidate-details">
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
            <Term label={f('phone')}>{candidate.phone ?? '—'}</Term>
            <Term label={f('email')}>{candidate.email ?? '—'}</Term>
            <Term label={f('source')}>{candidate.sourceLabel}</Term>
            <Term label={f('notes')}>{candidate.notes ?? '—'}</Term>
            <Term label={f('cv')}>
              <CvLink candidate={candidate} />
            </Term>
            <Term label={f('openingId')}>
              <Link to={createPath({ resource: 'requisitions', id: candidate.openingId, type: 'show' })}>{candidate.openingId}</Link>
            </Term>
            <Term label={f('createdByName')}>{candidate.createdByName}</Term>
            <Term label={f('createdAt')}>
              <LocaleDateField source="createdAt" showTime />
            </Term>
          </Box>
        </Section>
        {candidate.duplicateOf.length > 0 && (
          <Section title={t('sections.duplicates')} id="candidate-duplicates">
            <Typography variant="body2" sx={{ mb: 0.5 }}>{t('duplicate_hint')}</Typography>
            <DuplicateLinks duplicates={candidate.duplicates} ids={candidate.duplicateOf} />
          </Section>
        )}
      </Stack>
      <Stack spacing={3}>
        <Section title={t('sections.hiring')} id="candidate-hiring">
          <Stack spacing={1.5}>
            <CandidateHiringSection hiring={candidate.hiring} />
            {manages && interviewing && (
              <Box>
                <ScheduleInterviewButton candidate={candidate} />
              </Box>
            )}
          </Stack>
        </Section>
        {/* Slot: the offer panel (admin/src/offers, built alongside), with its own heading; nothing before the GM's decision. */}
        <CandidateOfferPanel candidate={candidate} />
      </Stack>
    </Box>
  );
};

export default CandidateShow;
