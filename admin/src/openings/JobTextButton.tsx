import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField, useMediaQuery, type Theme } from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';

const key = (k: string) => `resources.openings.job_text.${k}`;

/** Copies a text to the clipboard; false when the browser does not allow it (no permission, no secure context). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * 复制招聘启事: reads the opening's job text (zh-CN, for a job board), copies it and shows it in a
 * dialog as well — selectable by hand when the browser refuses the clipboard.
 */
export const JobTextButton = ({ openingId }: { openingId: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [text, setText] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  async function run() {
    try {
      const { data } = await dataProvider.getOpeningJobText(openingId);
      setText(data.text);
      const ok = await copy(data.text);
      setCopied(ok);
      if (ok) notify(key('copied'), { type: 'success' });
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
    }
  }

  return (
    <>
      <Button label={key('action')} onClick={() => void run()} variant="outlined" data-testid="opening-job-text">
        <ContentCopyIcon />
      </Button>
      <Dialog open={text !== null} onClose={() => setText(null)} fullScreen={fullScreen} fullWidth maxWidth="sm" aria-labelledby="job-text-title">
        <DialogTitle id="job-text-title">{translate(key('title'))}</DialogTitle>
        <DialogContent>
          {copied !== null && (
            <Alert severity={copied ? 'success' : 'warning'} sx={{ mb: 2 }}>
              {translate(key(copied ? 'copied' : 'copy_failed'))}
            </Alert>
          )}
          <TextField
            label={translate(key('label'))}
            value={text ?? ''}
            multiline
            fullWidth
            minRows={6}
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'job-text' } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => void (text && copy(text).then((ok) => { setCopied(ok); if (ok) notify(key('copied'), { type: 'success' }); }))}>
            {translate(key('copy_again'))}
          </MuiButton>
          <MuiButton variant="contained" onClick={() => setText(null)}>
            {translate('ra.action.close')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
