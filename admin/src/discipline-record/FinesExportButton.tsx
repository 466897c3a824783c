import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { downloadFile, MIME } from '../import-export/download';
import { toXlsx } from '../import-export/writeTable';
import { canExportFines } from './access';
import type { DisciplineDataProvider } from './disciplineRecordMethods';
import { companyMonth, finesSheet } from './finesExport';

const key = (path: string) => `resources.discipline-record.fines.${path}`;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 乐捐扣款表 for payroll (HR and administrators; 004 第五条): pick a month (this one by default,
 * company time) and download that month's fines as .xlsx — 工号, 姓名, 违纪条款, 处罚级别,
 * 乐捐（元）as a number cell, 生效日期 as a date cell, and a 合计 row — with the people list's
 * writer. A month without fines downloads nothing and says so. Placed in the people sheet's
 * toolbar; it reads no list, so any page may show it.
 */
export const FinesExportButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<DisciplineDataProvider>();
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(companyMonth);
  const [busy, setBusy] = useState(false);
  if (!canExportFines(identity?.roles as string[] | undefined)) return null;

  async function download() {
    setBusy(true);
    try {
      const { data } = await dataProvider.getDisciplineFines(month);
      if (data.items.length === 0) {
        notify(key('none'), { type: 'info', messageArgs: { month } });
        return;
      }
      const name = translate(key('file_name'));
      const sheet = finesSheet(data, (k) => translate(`resources.discipline-record.${k}`));
      downloadFile(`${name}-${month}.xlsx`, (await toXlsx(sheet, `${name} ${month}`)) as BlobPart, MIME.xlsx);
      notify(key('done'), { type: 'success', messageArgs: { count: data.items.length, total: data.items.reduce((sum, f) => sum + f.fine, 0) } });
      setOpen(false);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="small" startIcon={<DownloadIcon />} onClick={() => setOpen(true)} data-testid="fines-export">
        {translate(key('action'))}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : () => setOpen(false)} maxWidth="xs" fullWidth aria-labelledby="fines-export-title">
        <DialogTitle id="fines-export-title">{translate(key('title'))}</DialogTitle>
        <DialogContent>
          <TextField
            type="month"
            label={translate(key('month'))}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            error={!MONTH.test(month)}
            size="small"
            fullWidth
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ mt: 1 }}
          />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate(key('hint'))}
          </Typography>
          <Alert severity="warning" sx={{ mt: 1 }}>
            {translate(key('legal'))}
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button
            variant="contained"
            onClick={() => void download()}
            disabled={busy || !MONTH.test(month)}
            startIcon={busy ? <CircularProgress size={18} color="inherit" /> : <DownloadIcon />}
          >
            {translate(key('download'))}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
