import { useCallback, useRef, useState } from 'react';
import { HttpError, useDataProvider } from 'react-admin';
import { fileKind, readTable, TableError } from '../import-export/readTable';
import { candidateImportBody, planCandidateImport, readyRows, refusalOf, type CandidateImportPlan, type RowProblem, type SourceOption } from './candidateImport';
import type { Candidate } from './types';

/** What became of one row of the file. */
export type RowResult =
  | { kind: 'added'; candidate: Pick<Candidate, 'id' | 'duplicateOf'> }
  | { kind: 'refused'; field: string | null; message: string }
  | { kind: 'not_sent'; problem: RowProblem | 'no_source' };

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'failed'; name: string; message: string; params?: Record<string, unknown> }
  | { kind: 'preview'; name: string; plan: CandidateImportPlan }
  | { kind: 'importing'; name: string; plan: CandidateImportPlan; done: number; total: number }
  | { kind: 'done'; name: string; plan: CandidateImportPlan; results: Map<number, RowResult> };

/**
 * 导入候选人, step by step: read the file and plan its rows (the preview), then POST each ready
 * row in turn — one at a time, so a duplicate within the file is flagged against the row before
 * it, as it would be when added by hand — and keep each row's outcome.
 */
export function useCandidateImport(openingId: string, sources: readonly SourceOption[]) {
  const dataProvider = useDataProvider();
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  // A newer file (or closing the dialog) makes an older one's answers moot.
  const round = useRef(0);

  const open = useCallback(
    async (file: File) => {
      const mine = ++round.current;
      try {
        if (!fileKind(file.name)) throw new TableError('app.import_export.errors.file_type', { name: file.name });
        setStage({ kind: 'reading', name: file.name });
        const table = await readTable(file.name, await file.arrayBuffer());
        if (mine !== round.current) return;
        const plan = planCandidateImport(table, sources);
        if (plan.missingName) setStage({ kind: 'failed', name: file.name, message: 'resources.candidates.import.missing_name' });
        else if (plan.rows.length === 0) setStage({ kind: 'failed', name: file.name, message: 'resources.candidates.import.empty' });
        else setStage({ kind: 'preview', name: file.name, plan });
      } catch (err) {
        if (mine !== round.current) return;
        if (err instanceof TableError) setStage({ kind: 'failed', name: file.name, message: err.key, params: err.params });
        else setStage({ kind: 'failed', name: file.name, message: err instanceof Error ? err.message : String(err) });
      }
    },
    [sources],
  );

  const run = useCallback(
    async (name: string, plan: CandidateImportPlan, defaultSource: string | null) => {
      const mine = ++round.current;
      const ready = new Set(readyRows(plan, defaultSource));
      const results = new Map<number, RowResult>();
      for (const row of plan.rows) {
        if (row.problem) results.set(row.line, { kind: 'not_sent', problem: row.problem });
        else if (!ready.has(row)) results.set(row.line, { kind: 'not_sent', problem: 'no_source' });
      }
      let done = 0;
      setStage({ kind: 'importing', name, plan, done, total: ready.size });
      for (const row of ready) {
        if (mine !== round.current) return;
        try {
          const { data } = await dataProvider.create<Candidate>('candidates', { data: candidateImportBody(openingId, row, defaultSource ?? '') });
          results.set(row.line, { kind: 'added', candidate: { id: data.id, duplicateOf: data.duplicateOf ?? [] } });
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          results.set(row.line, { kind: 'refused', ...refusalOf(err instanceof HttpError ? err.body : null, message) });
        }
        done += 1;
        setStage({ kind: 'importing', name, plan, done, total: ready.size });
      }
      setStage({ kind: 'done', name, plan, results });
    },
    [dataProvider, openingId],
  );

  const reset = useCallback(() => {
    round.current += 1;
    setStage({ kind: 'idle' });
  }, []);

  return { stage, open, run, reset };
}
