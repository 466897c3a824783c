/**
 * 处罚记录's filter as the API's query. The console has one `status` filter whose first choice,
 * 待处理 (`open`, the default), is the API's own flag `open=true` — the actions still waiting for
 * something, soonest deadline first; any other choice is the API's `status`. `employeeId` passes
 * through (one employee's history, newest first).
 */
export const OPEN_FILTER = 'open';

export function disciplinaryActionsQuery({ status, ...rest }: Record<string, unknown>): Record<string, unknown> {
  if (status === OPEN_FILTER) return { ...rest, open: 'true' };
  return status === undefined || status === null || status === '' ? rest : { ...rest, status };
}
