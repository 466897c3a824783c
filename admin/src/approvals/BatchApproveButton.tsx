import DoneAllIcon from '@mui/icons-material/DoneAll';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  TextField,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, useDataProvider, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { summarizeBatch, type BatchSummary } from './batchResults';
import type { ApprovalTask } from './types';

/**
 * 批量同意 (the pending tab's bulk action): the selected tasks approved with one optional
 * comment. The server answers per task; the notification counts both sides and the dialog
 * then lists the failures with the server's reason (a step that needs scores, a task decided
 * meanwhile).
 */
export const BatchApproveButton = () => {
  const { selectedIds, data, onUnselectItems } = useListContext<ApprovalTask>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<BatchSummary | null>(null);

  // The selection is cleared and the inbox re-read once the user is done with the answer: in a
  // sheet, an empty selection hides the bulk actions, and this dialog with them.
  const done = () => {
    onUnselectItems();
    refresh();
  };
  const close = () => {
    setOpen(false);
    setSummary(null);
    setComment('');
    if (summary) done();
  };

  async function approve() {
    const ids = selectedIds.map(String);
    setBusy(true);
    try {
      const { data: results } = await dataProvider.batchApprove(ids, comment);
      const titles = new Map((data ?? []).map((r) => [String(r.id), r.title]));
      const result = summarizeBatch(ids, results, (id) => titles.get(id));
      notify('resources.approvals.batch.summary', {
        type: result.failed.length === 0 ? 'success' : 'warning',
        messageArgs: { ok: result.succeeded, failed: result.failed.length },
      });
      if (result.failed.length > 0) return setSummary(result);
      close();
      done();
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.approvals.batch.${key}`, options);
  return (
    <>
      <Button label="resources.approvals.batch.action" onClick={() => setOpen(true)}>
        <DoneAllIcon />
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} fullScreen={fullScreen} fullWidth maxWidth="sm" aria-labelledby="batch-approve-title">
        <DialogTitle id="batch-approve-title">{t('title', { count: selectedIds.length })}</DialogTitle>
        <DialogContent>
          {summary ? (
            <>
              <Alert severity="warning" data-testid="batch-approve-result">
                {t('summary', { ok: summary.succeeded, failed: summary.failed.length })}
              </Alert>
              <List dense aria-label={t('failures')}>
                {summary.failed.map((f) => (
                  <ListItem key={f.id} disableGutters data-task={f.id}>
                    <ListItemText primary={f.title} secondary={f.detail ?? f.code ?? t('no_answer')} />
                  </ListItem>
                ))}
              </List>
            </>
          ) : (
            <TextField
              label={t('comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              multiline
              minRows={2}
              fullWidth
              margin="dense"
              helperText={t('hint')}
            />
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={busy}>
            {translate(summary ? 'ra.action.close' : 'ra.action.cancel')}
          </MuiButton>
          {!summary && (
            <MuiButton variant="contained" color="success" onClick={approve} disabled={busy || selectedIds.length === 0}>
              {t('submit')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
