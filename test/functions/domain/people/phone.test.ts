import { describe, expect, it } from 'vitest';
import { isPhoneNumber } from '../../../../functions/domain/people/phone.js';

/** #12 item 16: a phone is a number a colleague can dial, not any 6–20 characters. */
describe('phone numbers', () => {
  it('a mainland mobile is 11 digits starting with 1 (+86 allowed, spaces and hyphens as people write them)', () => {
    for (const ok of ['13800138000', '+86 138 0000 0003', '86-139-0013-9000', '19912345678']) expect(isPhoneNumber(ok), ok).toBe(true);
    for (const bad of ['1380013800', '138001380001', '12800138000', '23800138000', 'abc', '123456']) expect(isPhoneNumber(bad), bad).toBe(false);
  });
  it('a landline needs its area code; an international number its country code', () => {
    for (const ok of ['010-12345678', '0755 1234567', '021 6123 4567', '+852 2123 4567']) expect(isPhoneNumber(ok), ok).toBe(true);
    for (const bad of ['12345678', '010-123456', '+86 010', '+12']) expect(isPhoneNumber(bad), bad).toBe(false);
  });
});
