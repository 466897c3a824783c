/**
 * Whether a value fills a gap in the source documents. `gaps` names policy paths
 * (`weights`, `bands[2]`, `stepDueHours`); a value inside one (`weights.interview`) is in it.
 * Form paths use dots for array items (`bands.2.min`); both spellings are accepted.
 */
export function isGap(path: string, gaps: readonly string[]): boolean {
  const normal = (p: string) => p.replace(/\[(\d+)\]/g, '.$1').replace(/^values\./, '');
  const target = normal(path);
  return gaps.some((gap) => {
    const g = normal(gap);
    return target === g || target.startsWith(`${g}.`);
  });
}

/** Server errors about a group, and those inside it that no input shows (`values.chain.2.approver`). */
export function groupErrors(others: Record<string, string>, group: string): string[] {
  return Object.entries(others)
    .filter(([path]) => path === group || path.startsWith(`${group}.`))
    .map(([, message]) => message);
}

/** A number input's value as the API takes it; an emptied input is null, so the API names it as required. */
export function formNumber(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value === '' || value === undefined ? null : value;
}
