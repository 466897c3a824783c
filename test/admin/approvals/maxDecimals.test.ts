import { describe, expect, it } from 'vitest';
import { maxDecimals } from '../../../admin/src/approvals/decimals.js';

/** POLICIES.md §3: a score is 0–100 with one decimal; the console says so before sending (#12 item 12). */
describe('the one-decimal rule in the decision form (§3)', () => {
  const oneDecimal = maxDecimals(1);
  const check = (v: unknown) => oneDecimal(v, {}, {} as never);
  it('accepts whole numbers and one decimal, at the edges too', () => {
    for (const v of [0, 100, 99.9, 80.2, 0.1]) expect(check(v)).toBeUndefined();
  });
  it('refuses a second decimal, whatever binary makes of it', () => {
    for (const v of [99.999, 80.25, 99.95, 0.05]) expect(check(v)).toEqual({ message: 'resources.approvals.validation.decimals', args: { n: 1 } });
  });
  it('leaves an empty field to the required rule', () => {
    expect(check(undefined)).toBeUndefined();
    expect(check(null)).toBeUndefined();
  });
});
