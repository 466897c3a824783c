import { describe, expect, it } from 'vitest';
import { inputErrors, splitFormErrors } from '../../../admin/src/components/formErrors.js';

describe('server field errors and the form', () => {
  it('only errors on an input go back to the form; the rest is kept by path for the page', () => {
    const errors = {
      values: { weights: '权重之和须为 100', bands: { 2: { min: '须低于 80' } } },
      root: { serverError: '请求内容有误' },
    };
    const { inputs, others } = splitFormErrors(errors, (path) => path === 'values.bands.2.min');
    expect(inputs).toEqual({ values: { bands: { 2: { min: '须低于 80' } } } });
    expect(others).toEqual({ 'values.weights': '权重之和须为 100' });
  });

  it('nothing for the form is undefined, so the form keeps no stale error', () => {
    expect(splitFormErrors({ scores: '必填' }, (path) => path.startsWith('scores.'))).toEqual({ inputs: undefined, others: { scores: '必填' } });
    expect(splitFormErrors(undefined, () => true)).toEqual({ inputs: undefined, others: {} });
  });

  it('a verb form gets an error on one of its picked people on the picker itself', () => {
    // 加签 with a second person already asked: the API names `users[1]` (http.ts makes it users.1).
    const errors = { users: { 1: '不能加签该用户：已在本环节' }, comment: '太长', other: 'x', root: { serverError: '请求有误' } };
    expect(inputErrors(errors, ['users', 'comment'])).toEqual({ users: '不能加签该用户：已在本环节', comment: '太长' });
    expect(inputErrors({ to: '结束日期不能早于开始日期' }, ['delegateId', 'from', 'to'])).toEqual({ to: '结束日期不能早于开始日期' });
    expect(inputErrors(undefined, ['users'])).toBeUndefined();
  });
});
