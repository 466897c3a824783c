import MoreVertIcon from '@mui/icons-material/MoreVert';
import { IconButton, Menu, MenuItem, Tooltip } from '@mui/material';
import { useId, useState } from 'react';
import { RecordContextProvider, TextInput, required, useDataProvider, useGetIdentity, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import { canManageRecruitment } from '../openings/recruitmentAccess';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { manualMoves, needsReason, type ManualStage } from './stageMoves';
import type { Candidate } from './types';

// Made once: react-admin re-registers an input whose validate changes on each render.
const validateReason = required();

/**
 * 移动阶段 (HR, before round 1): 进入筛选 / 退回新投递 at once; 不合适 and 候选人放弃 through a
 * dialog asking the reason. The server's refusal (409 CANDIDATE.STAGE_MOVE: the processes own
 * that move) is notified as it says it; then the lists and the page read again.
 */
export const CandidateStageMenu = ({ candidate }: { candidate: Pick<Candidate, 'id' | 'name' | 'stage' | 'version'> }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [leaving, setLeaving] = useState<ManualStage | null>(null);
  const [busy, setBusy] = useState(false);
  const t = (k: string, options?: Record<string, unknown>) => translate(`resources.candidates.move.${k}`, options);
  const moves = manualMoves(candidate.stage);

  async function move(stage: ManualStage, reason?: string) {
    await dataProvider.moveCandidate(candidate.id, { stage, reason, version: candidate.version });
    notify(t('done', { name: candidate.name, stage: translate(`resources.candidates.choices.stage.${stage}`) }), { type: 'success' });
    refresh();
  }

  const { submit, submitting } = useFormVerb<{ reason: string }>(async ({ reason }) => {
    if (!leaving) return;
    await move(leaving, reason);
    setLeaving(null);
  }, ['reason']);

  if (!canManageRecruitment(identity?.roles as string[] | undefined) || moves.length === 0) return null;

  async function choose(stage: ManualStage) {
    setAnchor(null);
    if (needsReason(stage)) {
      setLeaving(stage);
      return;
    }
    setBusy(true);
    try {
      await move(stage);
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), { type: 'error' }); // the server's own words (409 CANDIDATE.STAGE_MOVE)
    } finally {
      setBusy(false);
    }
  }

  const label = t('label', { name: candidate.name });
  return (
    <>
      <Tooltip title={t('action')}>
        <IconButton
          size="small"
          aria-label={label}
          aria-haspopup="menu"
          aria-controls={anchor ? menuId : undefined}
          aria-expanded={anchor ? 'true' : undefined}
          disabled={busy}
          onClick={(e) => setAnchor(e.currentTarget)}
          data-testid="candidate-move"
        >
          <MoreVertIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu id={menuId} anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': label } }}>
        {moves.map((stage) => (
          <MenuItem key={stage} onClick={() => void choose(stage)} data-move={stage}>
            {t(`to.${stage}`)}
          </MenuItem>
        ))}
      </Menu>
      {/* A blank form, not filled from the page's record. */}
      <RecordContextProvider value={undefined}>
        {leaving && (
          <FormDialog id={`candidate-move-${candidate.id}`} open onClose={() => setLeaving(null)} title={t(`title.${leaving}`, { name: candidate.name })} submitLabel="resources.candidates.move.submit" submitting={submitting} onSubmit={submit}>
            <TextInput source="reason" label="resources.candidates.move.reason" validate={validateReason} multiline minRows={2} fullWidth autoFocus />
          </FormDialog>
        )}
      </RecordContextProvider>
    </>
  );
};
