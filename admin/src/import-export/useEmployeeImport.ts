import { useCallback, useRef, useState } from 'react';
import { useDataProvider, useLocaleState } from 'react-admin';
import type { Employee } from '../employees/types';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { missingColumnsText, planImport, type CellProblem, type ImportPlan, type OrgUnitRef, type PlannedRow } from './planImport';
import { fileKind, readTable, TableError, type FileKind, type Table } from './readTable';
import { mergeProblems, runBatches, type RowOutcome, type SendBatch } from './runBatches';

/**
 * The import, step by step: read the file, plan it against who exists, check every row with a
 * dry run (the preview), then write the rows that passed and report each row's outcome.
 */
export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'checking'; name: string; done: number; total: number }
  | { kind: 'preview'; file: ImportFile }
  | { kind: 'importing'; file: ImportFile; done: number; total: number }
  | { kind: 'done'; file: ImportFile; results: Map<number, RowOutcome> }
  | { kind: 'failed'; name: string; message: string; params?: Record<string, unknown> };

export interface ImportFile {
  name: string;
  kind: FileKind;
  table: Table;
  plan: ImportPlan;
  /** Each row's problems after the preview: the console's own, then the dry run's. */
  problems: Map<number, CellProblem[]>;
}

/** A row the import writes: a create or change with no problem in the preview. */
export const isReady = (file: ImportFile, row: PlannedRow) => !!row.item && (file.problems.get(row.line)?.length ?? 0) === 0;

export function useEmployeeImport() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [locale] = useLocaleState();
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  // A newer file makes the answers of an older one moot.
  const round = useRef(0);

  const send: SendBatch = useCallback(async (items, dryRun) => (await dataProvider.batchEmployees(items, dryRun)).data, [dataProvider]);

  const open = useCallback(
    async (file: File) => {
      const mine = ++round.current;
      const current = () => mine === round.current;
      const kind = fileKind(file.name);
      try {
        if (!kind) throw new TableError('app.import_export.errors.file_type', { name: file.name });
        setStage({ kind: 'reading', name: file.name });
        const [table, employees, orgUnits] = await Promise.all([
          file.arrayBuffer().then((bytes) => readTable(file.name, bytes)),
          dataProvider.getAll('employees', {}).then(({ data }) => data as Employee[]),
          dataProvider.getAll('org-units', {}).then(({ data }) => data as OrgUnitRef[]),
        ]);
        if (!current()) return;
        const plan = planImport(table, { employees, orgUnits });
        if (plan.fileProblem) {
          const { key, params, missing = [] } = plan.fileProblem;
          setStage({ kind: 'failed', name: file.name, message: key, params: { ...params, columns: missingColumnsText(missing, locale === 'en' ? 'en' : 'zh-CN') } });
          return;
        }
        const checks = await runBatches(plan.rows, send, {
          dryRun: true,
          onProgress: (done, total) => current() && setStage({ kind: 'checking', name: file.name, done, total }),
        });
        if (!current()) return;
        const problems = new Map(plan.rows.map((row) => [row.line, mergeProblems(row.problems, checks.get(row.line)?.problems ?? [])]));
        setStage({ kind: 'preview', file: { name: file.name, kind, table, plan, problems } });
      } catch (error) {
        if (!current()) return;
        if (error instanceof TableError) setStage({ kind: 'failed', name: file.name, message: error.key, params: error.params });
        else setStage({ kind: 'failed', name: file.name, message: error instanceof Error ? error.message : String(error) });
      }
    },
    [dataProvider, send, locale],
  );

  const importRows = useCallback(async () => {
    if (stage.kind !== 'preview') return;
    const { file } = stage;
    const mine = ++round.current;
    const ready = file.plan.rows.filter((row) => isReady(file, row));
    setStage({ kind: 'importing', file, done: 0, total: ready.length });
    const results = await runBatches(ready, send, {
      dryRun: false,
      onProgress: (done, total) => mine === round.current && setStage({ kind: 'importing', file, done, total }),
    });
    if (mine === round.current) setStage({ kind: 'done', file, results });
  }, [send, stage]);

  const reset = useCallback(() => {
    round.current += 1;
    setStage({ kind: 'idle' });
  }, []);

  return { stage, open, importRows, reset };
}
