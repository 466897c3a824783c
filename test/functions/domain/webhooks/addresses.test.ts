import { describe, expect, it } from 'vitest';
import { ipLiteral, isNonPublicAddress } from '../../../../functions/domain/webhooks/addresses.js';
import { parseReceiverUrl } from '../../../../functions/domain/webhooks/receiver-url.js';

describe('which addresses a webhook may reach (SSRF)', () => {
  it.each([
    '127.0.0.1', '127.8.9.1', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.20', '169.254.169.254', '169.254.0.1',
    '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fd00::1234', 'fc00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::10.0.0.1', '2001:db8::1',
    'not-an-address', '1.2.3', '300.1.1.1',
  ])('%s is refused', (ip) => {
    expect(isNonPublicAddress(ip)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])('%s is public', (ip) => {
    expect(isNonPublicAddress(ip)).toBe(false);
  });

  it('reads IP literals as a URL writes them, and leaves names to be resolved', () => {
    expect(ipLiteral('127.0.0.1')).toBe('127.0.0.1');
    expect(ipLiteral('[::1]')).toBe('::1');
    expect(ipLiteral('hooks.example.com')).toBeNull();
  });
});

describe('the rules on a receiver URL that need no network', () => {
  const cloud = { allowPrivateNetworks: false, requireHttps: true };
  const lan = { allowPrivateNetworks: true, requireHttps: true };
  it('takes http(s) only, https in the cloud unless private networks are allowed, no credentials, no fragment', () => {
    expect(parseReceiverUrl('https://hooks.example.com/cs', cloud).ok).toBe(true);
    expect(parseReceiverUrl('http://hooks.example.com/cs', cloud)).toEqual({ ok: false, reason: 'https_required' });
    expect(parseReceiverUrl('http://192.168.1.5/cs', lan).ok).toBe(true);
    expect(parseReceiverUrl('ftp://hooks.example.com/', cloud)).toEqual({ ok: false, reason: 'scheme' });
    expect(parseReceiverUrl('file:///etc/passwd', lan)).toEqual({ ok: false, reason: 'scheme' });
    expect(parseReceiverUrl('https://user:pw@hooks.example.com/', cloud)).toEqual({ ok: false, reason: 'credentials' });
    expect(parseReceiverUrl('https://hooks.example.com/#x', cloud)).toEqual({ ok: false, reason: 'malformed' });
    expect(parseReceiverUrl('hooks.example.com', cloud)).toEqual({ ok: false, reason: 'malformed' });
  });
});
