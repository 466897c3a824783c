import { Alert, AlertTitle, Box, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, ListBase, useCreatePath, useGetOne, useListContext, useStore, useTranslate } from 'react-admin';
import type { Opening } from '../openings/types';
import { CandidateAddButton } from './CandidateAddButton';
import { CandidateBoard } from './CandidateBoard';
import { CandidateImportButton } from './CandidateImportButton';
import { CandidateSheet } from './CandidateSheet';
import { DuplicateLinks } from './DuplicateLinks';
import type { Candidate } from './types';

type View = 'board' | 'sheet';

/** The opening's candidates (every one: an opening has tens, not thousands). */
const PER_PAGE = 200;

/**
 * 候选人 of an opening, as a pipeline board by stage or as a sheet (the choice is remembered),
 * with 添加候选人 and 导入候选人 for HR while the opening is open. A candidate added with an earlier one's
 * mobile or email is said at once, with links to the earlier ones.
 */
export const OpeningCandidates = ({ opening, manages }: { opening: Opening; manages: boolean }) => {
  const translate = useTranslate();
  const [view, setView] = useStore<View>('candidates.view', 'board');
  const [added, setAdded] = useState<Candidate | null>(null);
  const t = (k: string, options?: Record<string, unknown>) => translate(`resources.candidates.${k}`, options);
  return (
    <Box component="section" aria-labelledby="candidates-title">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1 }}>
        <Typography variant="subtitle1" component="h3" id="candidates-title" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {t('section')}
        </Typography>
        <ToggleButtonGroup size="small" exclusive value={view} onChange={(_, next: View | null) => next && setView(next)} aria-label={t('views.label')}>
          <ToggleButton value="board" data-testid="view-board">{t('views.board')}</ToggleButton>
          <ToggleButton value="sheet" data-testid="view-sheet">{t('views.sheet')}</ToggleButton>
        </ToggleButtonGroup>
        {manages && opening.status === 'open' && <CandidateAddButton openingId={opening.id} onAdded={setAdded} />}
        {manages && opening.status === 'open' && <CandidateImportButton openingId={opening.id} />}
      </Stack>
      {manages && opening.status !== 'open' && opening.status !== 'filled' && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('add.closed')}
        </Typography>
      )}
      {added && added.duplicateOf.length > 0 && <DuplicateNotice candidate={added} onClose={() => setAdded(null)} />}
      <ListBase<Candidate> resource="candidates" filter={{ openingId: opening.id }} perPage={PER_PAGE} disableSyncWithLocation storeKey={false}>
        <CandidatesView view={view} />
      </ListBase>
    </Box>
  );
};

const CandidatesView = ({ view }: { view: View }) => {
  const translate = useTranslate();
  const { data, isPending } = useListContext<Candidate>();
  if (!isPending && (data ?? []).length === 0) {
    return <Typography variant="body2" color="text.secondary">{translate('resources.candidates.empty')}</Typography>;
  }
  return view === 'board' ? <CandidateBoard /> : <CandidateSheet />;
};

/** 与已有候选人重复: the new candidate was flagged; the earlier ones, with their opening and outcome. */
const DuplicateNotice = ({ candidate, onClose }: { candidate: Candidate; onClose: () => void }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  // The candidate's own page lists each earlier one with their opening and stage.
  const { data } = useGetOne<Candidate>('candidates', { id: candidate.id });
  return (
    <Alert severity="warning" onClose={onClose} sx={{ mb: 1 }} data-testid="duplicate-notice" role="alert">
      <AlertTitle>{translate('resources.candidates.duplicate.title')}</AlertTitle>
      {translate('resources.candidates.duplicate.text', { name: candidate.name })}
      <DuplicateLinks duplicates={data?.duplicates} ids={candidate.duplicateOf} />
      <Link to={createPath({ resource: 'candidates', id: candidate.id, type: 'show' })}>{translate('resources.candidates.duplicate.view_new')}</Link>
    </Alert>
  );
};
