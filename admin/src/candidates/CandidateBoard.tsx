import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useListContext, useTranslate } from 'react-admin';
import { byStage, isDuplicate } from './candidateStages';
import { CandidateStageMenu } from './CandidateStageMenu';
import type { Candidate } from './types';

/** 重复: the flag of a candidate with an earlier one's mobile or email; outlined, in the theme's dark orange (4.5:1). */
export const DuplicateChip = ({ candidate }: { candidate: Pick<Candidate, 'duplicateOf'> }) => {
  const translate = useTranslate();
  if (!isDuplicate(candidate)) return null;
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      label={translate('resources.candidates.duplicate_chip')}
      title={translate('resources.candidates.duplicate_hint')}
      data-duplicate="true"
    />
  );
};

/**
 * The pipeline board (招聘看板): one column per stage, new → hired, then those who left; each
 * card the candidate's name (a link to their page), source and duplicate flag. Before round 1
 * HR moves a card by hand (its menu); after that a candidate moves with their interviews, the
 * hire decision and their offer.
 */
export const CandidateBoard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data } = useListContext<Candidate>();
  return (
    <Box
      role="region"
      aria-label={translate('resources.candidates.board.label')}
      tabIndex={0}
      sx={{ display: 'grid', gridAutoFlow: 'column', gridAutoColumns: 'minmax(170px, 1fr)', gap: 1, overflowX: 'auto', pb: 1 }}
      data-testid="candidate-board"
    >
      {byStage(data ?? []).map(({ stage, candidates }) => (
        <Paper key={stage} variant="outlined" component="section" aria-labelledby={`stage-${stage}`} sx={{ p: 1, bgcolor: 'grey.50' }} data-stage={stage}>
          <Typography id={`stage-${stage}`} variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            {translate(`resources.candidates.choices.stage.${stage}`)}{' '}
            <Typography component="span" variant="caption" color="text.secondary">
              {translate('resources.candidates.board.count', { count: candidates.length })}
            </Typography>
          </Typography>
          {candidates.length === 0 ? (
            <Typography variant="caption" color="text.secondary">
              {translate('resources.candidates.board.empty')}
            </Typography>
          ) : (
            <Stack component="ul" spacing={1} sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {candidates.map((c) => (
                <Paper component="li" key={c.id} sx={{ p: 1 }} data-candidate={c.id}>
                  <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', gap: 0.5 }}>
                    <Link to={createPath({ resource: 'candidates', id: c.id, type: 'show' })} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                      {c.name}
                    </Link>
                    <CandidateStageMenu candidate={c} />
                  </Stack>
                  <Stack direction="row" spacing={0.5} sx={{ mt: 0.5, flexWrap: 'wrap', rowGap: 0.5, alignItems: 'center' }}>
                    <Typography variant="caption" color="text.secondary">
                      {c.sourceLabel}
                    </Typography>
                    <DuplicateChip candidate={c} />
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
        </Paper>
      ))}
    </Box>
  );
};
