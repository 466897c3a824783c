import { Box, Chip, FormControlLabel, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TablePagination, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import { headerOf, PEOPLE_COLUMNS, type PeopleColumn } from './peopleColumns';
import type { CellProblem, PlannedRow } from './planImport';
import { useProblemText } from './useProblemText';

const PAGE = 100;

export interface RowView {
  row: PlannedRow;
  problems: readonly CellProblem[];
  /** The chip of the row: what the preview plans or what the import did. */
  badge: { label: string; color: 'default' | 'primary' | 'success' | 'error' | 'info' };
  /** The employee's page, once the row is written: the 工号 links there. */
  link?: string;
}

/**
 * The file's rows as a table, the columns the file has: each problem under the cell it is
 * about (the cell tinted), problems of the whole row in the last column. A hundred rows a page,
 * optionally only the rows with problems.
 */
export const ImportRowsTable = ({
  rows,
  columns,
  onlyProblemsLabel,
  badgeHeader,
}: {
  rows: readonly RowView[];
  columns: readonly PeopleColumn[];
  onlyProblemsLabel: string;
  /** The header of the chip column: 操作 in the preview, 结果 after the import. */
  badgeHeader: string;
}) => {
  const translate = useTranslate();
  const { text, language } = useProblemText();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(0);
  const shown = onlyProblems ? rows.filter((r) => r.problems.length > 0) : rows;
  const pageRows = shown.slice(page * PAGE, (page + 1) * PAGE);
  const ordered = PEOPLE_COLUMNS.filter((c) => columns.includes(c));

  const problemsAt = (view: RowView, column: PeopleColumn | null): ReactNode =>
    view.problems
      .filter((p) => p.column === column)
      .map((p, i) => (
        <Typography key={i} variant="caption" color="error" component="div" data-problem>
          {text(p)}
        </Typography>
      ));

  return (
    <Box>
      <FormControlLabel
        control={<Switch checked={onlyProblems} onChange={(e) => { setOnlyProblems(e.target.checked); setPage(0); }} />}
        label={onlyProblemsLabel}
      />
      <TableContainer sx={{ maxHeight: '60vh', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader aria-label={translate('app.import_export.title')}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.import_export.line')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{badgeHeader}</TableCell>
              {ordered.map((c) => (
                <TableCell key={c} sx={{ whiteSpace: 'nowrap' }}>
                  {headerOf(c, language)}
                </TableCell>
              ))}
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.import_export.problems')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pageRows.map((view) => (
              <TableRow key={view.row.line} data-line={view.row.line} data-invalid={view.problems.length > 0 || undefined}>
                <TableCell>{view.row.line}</TableCell>
                <TableCell>
                  <Chip size="small" label={view.badge.label} color={view.badge.color} variant={view.badge.color === 'default' ? 'outlined' : 'filled'} />
                </TableCell>
                {ordered.map((c) => {
                  const bad = view.problems.some((p) => p.column === c);
                  return (
                    <TableCell key={c} data-column={c} data-invalid={bad || undefined} sx={bad ? { bgcolor: 'rgba(211, 47, 47, 0.08)', minWidth: 160 } : undefined}>
                      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                        {c === 'employeeNo' && view.link ? <Link to={view.link}>{view.row.display[c]}</Link> : view.row.display[c]}
                      </Box>
                      {problemsAt(view, c)}
                    </TableCell>
                  );
                })}
                <TableCell data-column="row" sx={{ minWidth: view.problems.some((p) => p.column === null) ? 200 : undefined }}>
                  {problemsAt(view, null)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {shown.length > PAGE && (
        <TablePagination
          component="div"
          count={shown.length}
          page={page}
          rowsPerPage={PAGE}
          rowsPerPageOptions={[]}
          onPageChange={(_e, next) => setPage(next)}
          labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
        />
      )}
    </Box>
  );
};
