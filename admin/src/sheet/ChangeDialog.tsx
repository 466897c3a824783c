import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { batchItems, planRows, planWrite, readResults, type ChangePlan, type RowOutcome } from './changePlan';
import { ChangeTable, OutcomeTable } from './ChangeTable';
import type { BatchItem, BatchWrite, SheetColumn, SheetRow } from './types';

export interface ChangeDialogProps {
  /** Catalog key: sheet.preview.paste / fill / bulk. */
  title: string;
  plan: ChangePlan;
  columns: readonly SheetColumn[];
  rowOf(id: string): SheetRow | undefined;
  rowLabel(id: string): string;
  columnLabel(field: string): string;
  /** The server's message for a field, as the cell shows it. */
  fieldMessage(field: string, message: string): string;
  format(field: string, value: unknown, row?: SheetRow): string;
  batchWrite: BatchWrite;
  /** What was sent and what became of each row (the grid shows saved rows and marks the rest). */
  onWritten(items: BatchItem[], outcomes: RowOutcome[]): void;
  /** The batch stopped on a server fault: which rows were saved is unknown, read them again. */
  onUnknown(): void;
  onClose(): void;
}

type Phase = 'checking' | 'ready' | 'saving' | 'done';

/**
 * A paste, fill or bulk edit before and after it is written: every cell that would change
 * (old → new), rows the sheet cannot send and why, the server's own check of each row (a dry
 * run), then ONE batch write and what happened to each row. Nothing is written until the
 * user confirms; a row that fails is listed with the server's reasons.
 */
export const ChangeDialog = (props: ChangeDialogProps) => {
  const { plan, batchWrite, rowOf } = props;
  const translate = useTranslate();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const rows = useMemo(() => planRows(plan), [plan]);
  const items = useMemo(() => batchItems(rows, (id) => rowOf(id)?.version), [rows, rowOf]);
  const [phase, setPhase] = useState<Phase>(items.length > 0 ? 'checking' : 'ready');
  const [check, setCheck] = useState<Map<string, RowOutcome>>(new Map());
  const [outcomes, setOutcomes] = useState<RowOutcome[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const planned = useMemo(() => planWrite(rows, items, check), [rows, items, check]);

  useEffect(() => {
    if (items.length === 0) return;
    let live = true;
    batchWrite(items, { dryRun: true }).then(
      (results) => live && setCheck(new Map(readResults(items, results).map((o) => [o.id, o]))),
      // The preview still stands without the server's check; the write reports per row.
      () => undefined,
    ).finally(() => live && setPhase((p) => (p === 'checking' ? 'ready' : p)));
    return () => {
      live = false;
    };
  }, [items, batchWrite]);

  async function write() {
    setPhase('saving');
    setFailure(null);
    try {
      const { send, refused } = planned;
      // The rows the check refused are not sent; they are reported with its answer.
      const done = [...readResults(send, await batchWrite(send, { dryRun: false })), ...refused.map((r) => r.outcome)];
      setOutcomes(done);
      props.onWritten([...send, ...refused.map((r) => r.item)], done);
      setPhase('done');
    } catch (error) {
      const { status, message } = error as { status?: number; message?: string };
      setFailure(message ?? 'ra.notification.http_error');
      if (status === undefined || status >= 500 || status === 0) {
        props.onUnknown();
        setPhase('done');
      } else {
        setPhase('ready');
      }
    }
  }

  const { blocked } = planned;
  const ignored = Object.entries(plan.ignored)
    .filter(([, count]) => count > 0)
    .map(([why, count]) => translate(`sheet.preview.ignored_${why}`, { smart_count: count }));
  const failed = outcomes?.filter((o) => !o.ok) ?? [];
  return (
    <Dialog open onClose={phase === 'saving' ? undefined : props.onClose} fullScreen={fullScreen} fullWidth maxWidth="md" aria-labelledby="sheet-change-title">
      <DialogTitle id="sheet-change-title">{translate(props.title)}</DialogTitle>
      <DialogContent>
        {(phase === 'checking' || phase === 'saving') && <LinearProgress sx={{ mb: 1 }} />}
        {failure && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {translate(failure, { _: failure })}
          </Alert>
        )}
        {outcomes ? (
          <div data-testid="sheet-results">
            <Alert severity={failed.length ? 'warning' : 'success'} sx={{ mb: 1 }}>
              {translate('sheet.results.summary', { ok: outcomes.length - failed.length, failed: failed.length })}
            </Alert>
            {failed.length > 0 && <OutcomeTable outcomes={failed} {...props} />}
          </div>
        ) : (
          <div data-testid="sheet-preview">
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('sheet.preview.summary', { rows: planned.send.length, cells: planned.cells })}
            </Typography>
            {planned.refused.length > 0 && (
              <Alert severity="warning" sx={{ mb: 1 }} data-testid="sheet-refused">
                {translate('sheet.preview.refused', { smart_count: planned.refused.length })}
              </Alert>
            )}
            {blocked > 0 && (
              <Alert severity="error" sx={{ mb: 1 }}>
                {translate('sheet.preview.blocked', { smart_count: blocked })}
              </Alert>
            )}
            {ignored.length > 0 && (
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
                {translate('sheet.preview.ignored', { cells: ignored.join(translate('sheet.preview.separator')) })}
              </Typography>
            )}
            <ChangeTable rows={rows} check={check} {...props} />
          </div>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={phase === 'saving'}>
          {translate(outcomes || phase === 'done' ? 'ra.action.close' : 'ra.action.cancel')}
        </Button>
        {!outcomes && phase !== 'done' && (
          <Button variant="contained" onClick={write} disabled={phase !== 'ready' || planned.send.length === 0}>
            {translate('sheet.preview.write', { smart_count: planned.send.length })}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};
