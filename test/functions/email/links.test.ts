import { describe, expect, it } from 'vitest';
import { linkSecretFromEnv, signLink, verifyLink, type LinkClaims } from '../../../functions/email/links.js';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const OTHER_SECRET = 'another-secret-that-is-also-32-bytes-or-more';
const NOW = 1_795_000_000;

const claims = (over: Partial<LinkClaims> = {}): LinkClaims => ({
  taskId: 'task_01', approverId: 'emp_lisi', action: 'approve', expiresAt: NOW + 3600, nonce: 'n1', ...over,
});

/** Re-encode the payload with changed fields, keeping the original signature. */
function withPayload(token: string, change: (p: Record<string, unknown>) => void): string {
  const [body, sig] = token.split('.') as [string, string];
  const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(p);
  return `${Buffer.from(JSON.stringify(p)).toString('base64url')}.${sig}`;
}

describe('signed approval links', () => {
  it('round-trips the claims and is URL-safe', () => {
    const token = signLink(claims(), SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(verifyLink(token, SECRET, NOW)).toEqual({ ok: true, claims: claims() });
    const bytes = new TextEncoder().encode(SECRET);
    expect(verifyLink(signLink(claims({ action: 'reject' }), bytes), bytes, NOW)).toEqual({ ok: true, claims: claims({ action: 'reject' }) });
  });

  it('never carries a task token: only the five claims are in the payload', () => {
    const [body] = signLink(claims(), SECRET).split('.');
    expect(Object.keys(JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'))).sort()).toEqual(['a', 'd', 'e', 'n', 't', 'v']);
  });

  it.each([
    ['taskId', (p: Record<string, unknown>) => { p.t = 'task_02'; }],
    ['approverId', (p: Record<string, unknown>) => { p.a = 'emp_wangwu'; }],
    ['action', (p: Record<string, unknown>) => { p.d = 'reject'; }],
    ['expiresAt', (p: Record<string, unknown>) => { p.e = NOW + 365 * 86400; }],
    ['nonce', (p: Record<string, unknown>) => { p.n = 'n2'; }],
  ])('a changed %s is refused as tampered', (_field, change) => {
    expect(verifyLink(withPayload(signLink(claims(), SECRET), change), SECRET, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a signature taken from another valid token is refused as tampered', () => {
    const mine = signLink(claims(), SECRET);
    const theirs = signLink(claims({ approverId: 'emp_wangwu' }), SECRET);
    const swapped = `${mine.split('.')[0]}.${theirs.split('.')[1]}`;
    expect(verifyLink(swapped, SECRET, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a changed signature character is refused as tampered', () => {
    const token = signLink(claims(), SECRET);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyLink(token.slice(0, -1) + last, SECRET, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a token signed with another secret is refused as tampered', () => {
    expect(verifyLink(signLink(claims(), OTHER_SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('works up to the second before expiresAt and is expired from that second on', () => {
    const token = signLink(claims({ expiresAt: NOW }), SECRET);
    expect(verifyLink(token, SECRET, NOW - 1).ok).toBe(true);
    expect(verifyLink(token, SECRET, NOW)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyLink(token, SECRET, NOW + 86400)).toEqual({ ok: false, reason: 'expired' });
  });

  it('checks the signature before the expiry: an expired forgery is tampered, not expired', () => {
    const forged = withPayload(signLink(claims(), SECRET), (p) => { p.e = NOW - 10; });
    expect(verifyLink(forged, SECRET, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it.each([
    ['empty', ''],
    ['no dot', 'garbage'],
    ['three parts', 'a.b.c'],
    ['not base64url', 'ab$cd.efgh'],
    ['a short signature', 'eyJ2IjoxfQ.abc'],
    ['a huge token', `${'a'.repeat(5000)}.${'b'.repeat(43)}`],
  ])('%s is malformed', (_name, token) => {
    expect(verifyLink(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('a link cut short (a mail client wrapped it) is malformed', () => {
    const token = signLink(claims(), SECRET);
    expect(verifyLink(token.slice(0, -1), SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyLink(token.slice(0, token.indexOf('.') + 10), SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyLink(token.slice(0, token.indexOf('.')), SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses to sign incomplete claims and to use a short secret', () => {
    expect(() => signLink(claims({ taskId: '' }), SECRET)).toThrow(/invalid claims/);
    expect(() => signLink(claims({ expiresAt: 1.5 }), SECRET)).toThrow(/invalid claims/);
    expect(() => signLink(claims(), 'short')).toThrow(/32 bytes/);
    expect(() => verifyLink('a.b', 'short', NOW)).toThrow(/32 bytes/);
  });
});

describe('the link secret from the environment', () => {
  it('reads base64, base64url and hex of at least 32 bytes', () => {
    const raw = Buffer.alloc(32, 7);
    expect(Buffer.from(linkSecretFromEnv(raw.toString('base64')))).toEqual(raw);
    expect(Buffer.from(linkSecretFromEnv(raw.toString('base64url')))).toEqual(raw);
    expect(Buffer.from(linkSecretFromEnv(` ${raw.toString('hex')}\n`))).toEqual(raw);
  });

  it('fails with a message that says what is wrong and how to fix it', () => {
    expect(() => linkSecretFromEnv(undefined)).toThrow(/LINK_SECRET is not set.*openssl rand/);
    expect(() => linkSecretFromEnv('   ', 'APPROVAL_LINK_SECRET')).toThrow(/APPROVAL_LINK_SECRET is not set/);
    expect(() => linkSecretFromEnv(Buffer.alloc(16).toString('base64'))).toThrow(/too short \(16 bytes/);
    expect(() => linkSecretFromEnv('not base64 at all!')).toThrow(/base64 or hex/);
  });
});
