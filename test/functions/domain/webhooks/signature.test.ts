import { describe, expect, it } from 'vitest';
import { nextAttemptAt, retryDelayMs, MAX_DELIVERY_ATTEMPTS } from '../../../../functions/domain/webhooks/retry.js';
import { newWebhookSecret, signDelivery, verifyDelivery } from '../../../../functions/domain/webhooks/signature.js';

describe('signing deliveries the Standard Webhooks way', () => {
  it('matches the specification’s reference vector, so any Standard Webhooks library verifies our deliveries', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const sig = signDelivery(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(sig).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('a new secret is whsec_ and 32 random bytes; a tampered body, id or timestamp does not verify', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newWebhookSecret()).not.toBe(secret);
    const headers = { id: 'evt1', timestamp: '1700000000', signature: signDelivery(secret, 'evt1', 1700000000, '{"a":1}') };
    expect(verifyDelivery(secret, headers, '{"a":1}')).toBe(true);
    expect(verifyDelivery(secret, headers, '{"a":2}')).toBe(false);
    expect(verifyDelivery(secret, { ...headers, id: 'evt2' }, '{"a":1}')).toBe(false);
    expect(verifyDelivery(secret, { ...headers, timestamp: '1700000001' }, '{"a":1}')).toBe(false);
    expect(verifyDelivery(newWebhookSecret(), headers, '{"a":1}')).toBe(false);
  });
});

describe('retries', () => {
  it('back off from half a minute, ×3, at most six hours apart, ten attempts over about a day', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 90_000, 270_000, 810_000]);
    expect(retryDelayMs(8)).toBe(6 * 3600_000);
    expect(retryDelayMs(MAX_DELIVERY_ATTEMPTS)).toBeNull();
    const total = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)!).reduce((a, b) => a + b, 0);
    expect(total / 3600_000).toBeGreaterThan(18);
    expect(total / 3600_000).toBeLessThan(24);
    expect(nextAttemptAt(1, new Date('2026-11-02T02:00:00.000Z'))).toBe('2026-11-02T02:00:30.000Z');
  });
});
