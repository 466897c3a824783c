import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadFile, MIME, today } from '../import-export/download';
import { toXlsx } from '../import-export/writeTable';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { leaversSheet } from './leaversExport';
import type { Offboarding } from './types';

const key = (path: string) => `resources.offboardings.${path}`;

/**
 * 导出 Excel (for payroll): every leaver of the list as filtered — status and last-day range —
 * read page after page by cursor, as .xlsx with the people list's writer (bold frozen header,
 * date cells, the amount as a number).
 */
export const LeaversExportButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { filterValues } = useListContext();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.getAll('offboardings', { filter: filterValues });
      const sheet = leaversSheet(data as Offboarding[], (k) => translate(key(k)));
      const name = translate(key('export.file_name'));
      downloadFile(`${name}-${today()}.xlsx`, (await toXlsx(sheet, name)) as BlobPart, MIME.xlsx);
      notify(key('export.done'), { type: 'success', messageArgs: { count: data.length } });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={() => void run()} disabled={busy} data-testid="leavers-export">
      {translate(key('export.action'))}
    </Button>
  );
};
