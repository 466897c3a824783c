import type { BatchDecisionResult } from '../providers/consoleMethods.js';

export interface BatchFailure {
  id: string;
  /** The task's title when the list had it, else its id. */
  title: string;
  code: string | null;
  detail: string | null;
}

export interface BatchSummary {
  succeeded: number;
  failed: BatchFailure[];
}

/**
 * The answer of a batch approval, for "N 项已同意，M 项失败": a result counts as approved when
 * it carries no problem code and its status is 200; anything else is a failure, shown
 * with the server's detail. An asked-for id the server did not answer for is a failure too.
 */
export function summarizeBatch(
  askedIds: readonly string[],
  results: readonly BatchDecisionResult[],
  titleOf: (id: string) => string | undefined = () => undefined,
): BatchSummary {
  const byId = new Map(results.map((r) => [String(r.id), r]));
  const ids = [...askedIds.map(String), ...results.map((r) => String(r.id)).filter((id) => !askedIds.map(String).includes(id))];
  let succeeded = 0;
  const failed: BatchFailure[] = [];
  for (const id of ids) {
    const result = byId.get(id);
    if (result && !result.code && result.status === 200) {
      succeeded += 1;
      continue;
    }
    failed.push({ id, title: titleOf(id) ?? id, code: result?.code ?? null, detail: result?.detail ?? null });
  }
  return { succeeded, failed };
}
