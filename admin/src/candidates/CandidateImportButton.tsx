import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, MenuItem, Stack, TextField, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { Button, useRefresh, useTranslate } from 'react-admin';
import { needsDefaultSource, readyRows } from './candidateImport';
import { ImportPreviewTable, ImportResultTable } from './CandidateImportTables';
import { useCandidateImport } from './useCandidateImport';
import { useRecruitmentChoices } from './useRecruitmentChoices';

/**
 * 导入候选人 (HR, beside 添加候选人): a job board's .xlsx or .csv (GBK too) → a preview of the
 * first rows with what is wrong with each → a default source for rows without a known one →
 * the rows sent one by one with progress → each row's outcome (added, flagged 重复 with links to
 * the earlier candidates, or refused with the server's message).
 */
export const CandidateImportButton = ({ openingId }: { openingId: string }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { sources, sourceOptions } = useRecruitmentChoices();
  const { stage, open, run, reset } = useCandidateImport(openingId, sourceOptions);
  const [isOpen, setOpen] = useState(false);
  const [defaultSource, setDefaultSource] = useState('');
  const t = (k: string, options?: Record<string, unknown>) => translate(`resources.candidates.import.${k}`, options);
  const importing = stage.kind === 'importing';

  const close = () => {
    if (importing) return;
    if (stage.kind === 'done') refresh();
    reset();
    setOpen(false);
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file again is a new import
    if (file) void open(file);
  };
  const labelOf = (key: string) => sources.find((s) => s.id === key)?.name ?? key;
  const ready = stage.kind === 'preview' ? readyRows(stage.plan, defaultSource || null).length : 0;
  const wantsDefault = stage.kind === 'preview' && needsDefaultSource(stage.plan);

  return (
    <>
      <Button label={t('action')} onClick={() => setOpen(true)} variant="outlined" data-testid="candidate-import">
        <UploadFileIcon />
      </Button>
      <Dialog open={isOpen} onClose={close} fullScreen={fullScreen} fullWidth maxWidth="lg" aria-labelledby="candidate-import-title">
        <DialogTitle id="candidate-import-title">{t('title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">{t('intro')}</Typography>
            {stage.kind !== 'importing' && stage.kind !== 'done' && (
              <Box>
                <MuiButton component="label" variant={stage.kind === 'preview' ? 'outlined' : 'contained'} startIcon={<UploadFileIcon />} disabled={stage.kind === 'reading'}>
                  {t(stage.kind === 'preview' ? 'another' : 'choose_file')}
                  <input hidden type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onFile} data-testid="candidate-import-file" />
                </MuiButton>
              </Box>
            )}
            {stage.kind === 'reading' && <LinearProgress aria-label={t('reading', { name: stage.name })} />}
            {stage.kind === 'failed' && (
              <Alert severity="error" data-testid="candidate-import-error">
                {t('file', { name: stage.name })} — {translate(stage.message, { _: stage.message, ...stage.params })}
              </Alert>
            )}
            {stage.kind === 'preview' && (
              <>
                <Typography variant="subtitle2" component="p">{t('file', { name: stage.name })}</Typography>
                {stage.plan.unknownHeaders.length > 0 && <Alert severity="info">{t('unknown_headers', { headers: stage.plan.unknownHeaders.join('、') })}</Alert>}
                <TextField
                  select
                  size="small"
                  label={t('default_source')}
                  helperText={t('default_source_hint')}
                  value={defaultSource}
                  onChange={(e) => setDefaultSource(e.target.value)}
                  required={wantsDefault}
                  sx={{ maxWidth: 320 }}
                  slotProps={{ select: { inputProps: { 'data-testid': 'candidate-import-source' } } }}
                >
                  {sources.map((s) => (
                    <MenuItem key={s.id} value={s.id}>{s.name}</MenuItem>
                  ))}
                </TextField>
                <Alert severity="info" data-testid="candidate-import-count">{t('count', { count: stage.plan.rows.length, ready })}</Alert>
                <ImportPreviewTable plan={stage.plan} labelOf={labelOf} />
              </>
            )}
            {stage.kind === 'importing' && (
              <Box data-testid="candidate-import-progress">
                <Typography variant="body2" gutterBottom id="candidate-import-progress">{t('importing', { done: stage.done, total: stage.total })}</Typography>
                <LinearProgress variant="determinate" value={(stage.done / Math.max(1, stage.total)) * 100} aria-labelledby="candidate-import-progress" />
              </Box>
            )}
            {stage.kind === 'done' && <ImportResultTable plan={stage.plan} results={stage.results} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={importing}>{t('close')}</MuiButton>
          {stage.kind === 'preview' && (
            <MuiButton variant="contained" disabled={ready === 0} onClick={() => void run(stage.name, stage.plan, defaultSource || null)} data-testid="candidate-import-submit">
              {t('submit', { count: ready })}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
