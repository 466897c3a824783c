import { describe, expect, it } from 'vitest';
import { formNumber, groupErrors, isGap } from '../../../admin/src/components/policyPaths.js';

const gaps = ['reviewLeadDays', 'weights', 'bands[2]', 'bands[4]', 'extensionMonths'];

describe('a policy form’s paths', () => {
  it('marks a value as a gap when it is, or lies inside, a path the API lists', () => {
    expect(isGap('reviewLeadDays', gaps)).toBe(true);
    expect(isGap('weights.interview', gaps)).toBe(true);
    expect(isGap('values.weights.interview', gaps)).toBe(true);
    expect(isGap('bands.2.min', gaps)).toBe(true);
    expect(isGap('bands[4].outcome', gaps)).toBe(true);
    expect(isGap('bands.1.min', gaps)).toBe(false);
    expect(isGap('bands.20.min', gaps)).toBe(false);
    expect(isGap('defaultMonths', gaps)).toBe(false);
  });

  it('gathers the server’s errors about a group for its section', () => {
    const others = { 'values.weights': '三项权重之和须为 100（现为 90）', 'values.chain.1.approver': '必填', 'values.chain': '必填' };
    expect(groupErrors(others, 'values.weights')).toEqual(['三项权重之和须为 100（现为 90）']);
    expect(groupErrors(others, 'values.chain')).toEqual(['必填', '必填']);
    expect(groupErrors(others, 'values.bands')).toEqual([]);
  });

  it('sends a typed number as a number and an emptied one as null, for the API to name', () => {
    expect(formNumber('4')).toBe(4);
    expect(formNumber(4)).toBe(4);
    expect(formNumber('')).toBeNull();
    expect(formNumber(undefined)).toBeNull();
    expect(formNumber('abc')).toBe('abc');
  });
});
