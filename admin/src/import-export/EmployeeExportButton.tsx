import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Dialog, DialogContent, LinearProgress, Menu, MenuItem, Typography } from '@mui/material';
import { useContext, useRef, useState } from 'react';
import { ListContext, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { Employee } from '../employees/types';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { downloadFile, MIME, today } from './download';
import { peopleSheet, superiorNumbers, toCsv, toXlsx } from './writeTable';

type Format = 'xlsx' | 'csv';

/**
 * 导出: the people of the current list — its filters and sort, every row (read page after page
 * by cursor, with progress; no 1,000-row cap) — as .xlsx or as CSV with a BOM, in the UI
 * language. The file re-imports as it is (same headers, labels, 上级工号 for superiors).
 * In a people list's toolbar it exports what the list shows; outside a list (the import page)
 * everyone the reader can see, or `filter`.
 */
export const EmployeeExportButton = ({ filter, label = 'app.import_export.export' }: { filter?: Record<string, unknown>; label?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const list = useContext(ListContext);
  const filterValues = filter ?? list?.filterValues ?? {};
  const sort = list?.sort ?? { field: 'employeeNo', order: 'ASC' as const };
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [read, setRead] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (format: Format) => {
    setAnchor(null);
    const controller = new AbortController();
    abort.current = controller;
    setRead(0);
    try {
      const { data } = await dataProvider.getAll('employees', { filter: filterValues, sort, onProgress: setRead, signal: controller.signal });
      const employees = data as Employee[];
      const { known, missing } = superiorNumbers(employees);
      if (missing.length > 0) {
        // Superiors outside the exported rows (a filtered list): their 工号, in chunks of 100.
        const { data: superiors } = await dataProvider.getMany<Employee>('employees', { ids: missing });
        for (const s of superiors) known.set(String(s.id), s.employeeNo);
      }
      const language = locale === 'en' ? 'en' : 'zh-CN';
      const sheet = peopleSheet(employees, language, known);
      const name = `${translate('app.import_export.file_name')}-${today()}.${format}`;
      if (format === 'xlsx') downloadFile(name, (await toXlsx(sheet, translate('app.import_export.file_name'))) as BlobPart, MIME.xlsx);
      else downloadFile(name, await toCsv(sheet), MIME.csv);
      notify('app.import_export.exported', { type: 'success', messageArgs: { count: employees.length } });
    } catch (error) {
      if (!controller.signal.aborted) notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setRead(null);
      abort.current = null;
    }
  };

  return (
    <>
      <Button size="small" startIcon={<DownloadIcon />} onClick={(e) => setAnchor(e.currentTarget)} disabled={read !== null} aria-haspopup="menu">
        {translate(label)}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void run('xlsx')}>{translate('app.import_export.export_xlsx')}</MenuItem>
        <MenuItem onClick={() => void run('csv')}>{translate('app.import_export.export_csv')}</MenuItem>
      </Menu>
      <Dialog open={read !== null} onClose={() => abort.current?.abort()} maxWidth="xs" fullWidth>
        <DialogContent data-testid="export-progress">
          <Typography variant="body2" gutterBottom>
            {translate('app.import_export.exporting', { count: read ?? 0 })}
          </Typography>
          <LinearProgress />
          <Box sx={{ textAlign: 'right', mt: 2 }}>
            <Button size="small" onClick={() => abort.current?.abort()}>
              {translate('ra.action.cancel')}
            </Button>
          </Box>
        </DialogContent>
      </Dialog>
    </>
  );
};
