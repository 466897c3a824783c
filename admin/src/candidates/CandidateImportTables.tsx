import { Alert, Chip, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import type { CandidateImportPlan, PlannedCandidate } from './candidateImport';
import { DuplicateLinks } from './DuplicateLinks';
import type { RowResult } from './useCandidateImport';

/** The preview shows this many rows; the count says how many there are. */
const PREVIEW_ROWS = 20;

const useWords = () => {
  const translate = useTranslate();
  return {
    t: (k: string, options?: Record<string, unknown>) => translate(`resources.candidates.import.${k}`, options),
    f: (field: string) => translate(`resources.candidates.fields.${field}`, { _: field }),
  };
};

/** The first rows as read, each with the source it will get and what stops it being sent. */
export const ImportPreviewTable = ({ plan, labelOf }: { plan: CandidateImportPlan; labelOf: (key: string) => string }) => {
  const { t, f } = useWords();
  const shown = plan.rows.slice(0, PREVIEW_ROWS);
  const source = (row: PlannedCandidate) => (row.source ? labelOf(row.source) : row.sourceText ? t('source_unmatched', { text: row.sourceText }) : t('source_default'));
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('first_rows', { shown: shown.length, count: plan.rows.length })} data-testid="candidate-import-preview">
        <caption>{t('first_rows', { shown: shown.length, count: plan.rows.length })}</caption>
        <TableHead>
          <TableRow>
            {[t('line'), f('name'), f('phone'), f('email'), f('source'), f('notes'), t('check')].map((h) => (
              <TableCell key={h} component="th" scope="col">{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((row) => (
            <TableRow key={row.line} data-line={row.line}>
              <TableCell>{row.line}</TableCell>
              <TableCell>{row.name || '—'}</TableCell>
              <TableCell>{row.phone || '—'}</TableCell>
              <TableCell>{row.email || '—'}</TableCell>
              <TableCell>{source(row)}</TableCell>
              <TableCell sx={{ maxWidth: 240, overflowWrap: 'anywhere' }}>{row.notes || '—'}</TableCell>
              <TableCell>
                {row.problem ? <Chip size="small" color="error" variant="outlined" label={t(`problems.${row.problem}`)} /> : <Typography variant="body2">{t('ok')}</Typography>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** Every row's outcome: added (a link; 重复 with the earlier candidates), refused by the server with its message, or not sent. */
export const ImportResultTable = ({ plan, results }: { plan: CandidateImportPlan; results: ReadonlyMap<number, RowResult> }) => {
  const { t, f } = useWords();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const all = [...results.values()];
  const added = all.filter((r) => r.kind === 'added');
  const counts = { added: added.length, duplicates: added.filter((r) => r.candidate.duplicateOf.length > 0).length, refused: all.length - added.length };
  return (
    <Stack spacing={1.5}>
      <Alert severity={counts.refused > 0 ? 'warning' : 'success'} role="status" data-testid="candidate-import-summary">
        {t('done', counts)}
      </Alert>
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('result')} data-testid="candidate-import-results">
          <TableHead>
            <TableRow>
              {[t('line'), f('name'), t('result')].map((h) => (
                <TableCell key={h} component="th" scope="col">{h}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.rows.map((row) => {
              const result = results.get(row.line);
              return (
                <TableRow key={row.line} data-line={row.line} data-result={result?.kind}>
                  <TableCell>{row.line}</TableCell>
                  <TableCell>
                    {result?.kind === 'added' ? <Link to={createPath({ resource: 'candidates', id: result.candidate.id, type: 'show' })}>{row.name}</Link> : row.name || '—'}
                  </TableCell>
                  <TableCell>
                    {result?.kind === 'added' && (
                      <Stack spacing={0.5}>
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                          <Typography variant="body2">{t('added')}</Typography>
                          {result.candidate.duplicateOf.length > 0 && (
                            <Chip size="small" color="warning" variant="outlined" label={translate('resources.candidates.duplicate_chip')} data-duplicate="true" />
                          )}
                        </Stack>
                        {result.candidate.duplicateOf.length > 0 && (
                          <>
                            <Typography variant="caption">{t('duplicate_of')}</Typography>
                            <DuplicateLinks duplicates={undefined} ids={result.candidate.duplicateOf} />
                          </>
                        )}
                      </Stack>
                    )}
                    {result?.kind === 'refused' && (
                      <Typography variant="body2" color="error">
                        {t('refused_row', { message: result.field ? `${f(result.field)} — ${result.message}` : result.message })}
                      </Typography>
                    )}
                    {result?.kind === 'not_sent' && (
                      <Typography variant="body2" color="error">
                        {t('not_sent_row', { message: result.problem === 'no_source' ? t('default_source_hint') : t(`problems.${result.problem}`) })}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
};
