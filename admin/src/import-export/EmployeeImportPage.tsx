import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, type ChangeEvent } from 'react';
import { Link, Title, useCreatePath, useRefresh, useTranslate } from 'react-admin';
import { usePeopleEditing } from '../employees/employeeEditing';
import { EmployeeExportButton } from './EmployeeExportButton';
import { ImportResults } from './ImportResults';
import { ImportRowsTable, type RowView } from './ImportRowsTable';
import { previewCounts } from './importOutcome';
import { mapHeaders, type PeopleColumn } from './peopleColumns';
import { isReady, useEmployeeImport, type ImportFile } from './useEmployeeImport';

/**
 * 导入员工 (/employees/import, HR and admins): pick an .xlsx or CSV, see every row checked by the
 * server's dry run with problems on their cells, import the rows that passed, and see what
 * happened to each row (and download the ones not imported, to fix and import again).
 */
const EmployeeImportPage = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const refresh = useRefresh();
  const { fields, isPending } = usePeopleEditing();
  const { stage, open, importRows, reset } = useEmployeeImport();

  // After a write, whatever lists are cached read again.
  useEffect(() => {
    if (stage.kind === 'done') refresh();
  }, [stage.kind, refresh]);

  if (isPending) return null;
  if (fields.size === 0) return <Alert severity="warning" sx={{ mt: 2 }}>{translate('ra.message.access_denied')}</Alert>;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file again is a new import
    if (file) void open(file);
  };
  const busy = stage.kind === 'reading' || stage.kind === 'checking' || stage.kind === 'importing';

  return (
    // A grid with a minmax(0) column keeps a wide table scrolling inside the card, not the page.
    <Box sx={{ my: 2, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Title title={translate('app.import_export.title')} />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {translate('app.import_export.intro')}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
              <Button component="label" variant={stage.kind === 'idle' ? 'contained' : 'outlined'} startIcon={<UploadFileIcon />} disabled={busy}>
                {translate(stage.kind === 'idle' ? 'app.import_export.choose_file' : 'app.import_export.another')}
                <input hidden type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onFile} data-testid="import-file" />
              </Button>
              {/* The roster as it is, to change in Excel and import back. */}
              <EmployeeExportButton label="app.import_export.export_current" />
              <Button component={Link} to={createPath({ resource: 'employees', type: 'list' })}>
                {translate('ra.action.back')}
              </Button>
            </Stack>
            {stage.kind === 'reading' && <Progress label={translate('app.import_export.reading', { name: stage.name })} />}
            {stage.kind === 'checking' && <Progress label={translate('app.import_export.checking', { done: stage.done, total: stage.total })} value={(stage.done / Math.max(1, stage.total)) * 100} />}
            {stage.kind === 'importing' && <Progress label={translate('app.import_export.importing', { done: stage.done, total: stage.total })} value={(stage.done / Math.max(1, stage.total)) * 100} />}
            {stage.kind === 'failed' && (
              <Alert severity="error" data-testid="import-error">
                {translate('app.import_export.file', { name: stage.name })} — {stage.message.startsWith('app.') ? translate(stage.message, stage.params) : stage.message}
              </Alert>
            )}
            {stage.kind === 'preview' && <ImportPreview file={stage.file} onImport={importRows} onCancel={reset} />}
            {stage.kind === 'done' && <ImportResults file={stage.file} results={stage.results} />}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};

const Progress = ({ label, value }: { label: string; value?: number }) => (
  <Box data-testid="import-progress">
    <Typography variant="body2" gutterBottom>
      {label}
    </Typography>
    <LinearProgress variant={value === undefined ? 'indeterminate' : 'determinate'} value={value} />
  </Box>
);

/** The preview: the counts, columns not recognised, every row with its problems, and the import button. */
const ImportPreview = ({ file, onImport, onCancel }: { file: ImportFile; onImport: () => void; onCancel: () => void }) => {
  const translate = useTranslate();
  const counts = previewCounts(file.plan.rows, file.problems);
  const ready = file.plan.rows.filter((row) => isReady(file, row)).length;
  const views: RowView[] = file.plan.rows.map((row) => {
    const problems = file.problems.get(row.line) ?? [];
    return {
      row,
      problems,
      badge: {
        label: translate(`app.import_export.actions.${row.action}`),
        color: problems.length > 0 ? 'error' : row.action === 'create' ? 'primary' : row.action === 'change' ? 'info' : 'default',
      },
    };
  });
  const columns = Object.keys(mapHeaders(file.table.headers).columns) as PeopleColumn[];
  return (
    <Stack spacing={2} data-testid="import-preview">
      <Typography variant="subtitle1" component="h2">
        {translate('app.import_export.file', { name: file.name })}
      </Typography>
      {file.plan.unknownHeaders.length > 0 && (
        <Alert severity="warning">{translate('app.import_export.unknown_headers', { headers: file.plan.unknownHeaders.join('、') })}</Alert>
      )}
      <Alert severity={counts.invalid > 0 ? 'warning' : 'info'} data-testid="import-summary">
        {translate('app.import_export.summary', { ...counts })}
        {counts.invalid > 0 && ready > 0 && <> {translate('app.import_export.skipped_hint', { invalid: counts.invalid })}</>}
      </Alert>
      <ImportRowsTable rows={views} columns={columns} onlyProblemsLabel={translate('app.import_export.only_problems')} badgeHeader={translate('app.import_export.action')} />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={onImport} disabled={ready === 0} data-testid="import-submit">
          {ready === 0 ? translate('app.import_export.nothing_to_import') : translate('app.import_export.submit', { count: ready })}
        </Button>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
      </Stack>
    </Stack>
  );
};

export default EmployeeImportPage;
