import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button, Stack } from '@mui/material';
import { useCreatePath, useTranslate } from 'react-admin';
import { downloadFile, MIME, today } from './download';
import { ImportRowsTable, type RowView } from './ImportRowsTable';
import { rowResult, type RowResultKind } from './importOutcome';
import { mapHeaders, type PeopleColumn } from './peopleColumns';
import type { RowOutcome } from './runBatches';
import type { ImportFile } from './useEmployeeImport';
import { useProblemText } from './useProblemText';
import { failedRowsSheet, toCsv, toXlsx } from './writeTable';

const BADGE: Record<RowResultKind, RowView['badge']['color']> = { created: 'success', updated: 'success', unchanged: 'default', failed: 'error' };

/** After the import: the counts, each row's outcome with why it was not imported, and the failed rows as a file. */
export const ImportResults = ({ file, results }: { file: ImportFile; results: Map<number, RowOutcome> }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { withColumn, language } = useProblemText();
  const outcomes = file.plan.rows.map((row) => ({ row, ...rowResult(row, file.problems.get(row.line) ?? [], results.get(row.line)) }));
  const count = (kind: RowResultKind) => outcomes.filter((o) => o.kind === kind).length;
  const failed = outcomes.filter((o) => o.kind === 'failed');
  const views: RowView[] = outcomes.map((o) => {
    const id = o.kind === 'created' || o.kind === 'updated' ? results.get(o.row.line)?.id : null;
    return {
      row: o.row,
      problems: o.problems,
      badge: { label: translate(`app.import_export.outcomes.${o.kind}`), color: BADGE[o.kind] },
      link: id ? createPath({ resource: 'employees', id, type: 'show' }) : undefined,
    };
  });
  const columns = Object.keys(mapHeaders(file.table.headers).columns) as PeopleColumn[];

  const downloadFailed = async () => {
    const sheet = failedRowsSheet(
      file.table.headers,
      failed.map((o) => ({ cells: o.row.cells, reasons: o.problems.map(withColumn).join('；') })),
      language,
    );
    const base = file.name.replace(/\.[^.]+$/u, '');
    const name = `${base}-${translate('app.import_export.outcomes.failed')}-${today()}.${file.kind}`;
    if (file.kind === 'xlsx') downloadFile(name, (await toXlsx(sheet, translate('app.import_export.outcomes.failed'))) as BlobPart, MIME.xlsx);
    else downloadFile(name, await toCsv(sheet), MIME.csv);
  };

  return (
    <Stack spacing={2} data-testid="import-results">
      <Alert severity={failed.length > 0 ? 'warning' : 'success'} data-testid="import-result-summary">
        {translate('app.import_export.result_summary', { created: count('created'), updated: count('updated'), failed: failed.length })}
      </Alert>
      {failed.length > 0 && (
        <div>
          <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void downloadFailed()} data-testid="import-download-failed">
            {translate('app.import_export.download_failed')}
          </Button>
        </div>
      )}
      <ImportRowsTable rows={views} columns={columns} onlyProblemsLabel={translate('app.import_export.only_problems')} badgeHeader={translate('app.import_export.result')} />
    </Stack>
  );
};
