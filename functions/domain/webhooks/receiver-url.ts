/**
 * The rules on a receiver's URL that need no network: http or https only (https only in the
 * cloud unless private networks are allowed), no credentials in it, no fragment, at most 2,000
 * characters. Whether its host resolves to a public address is checked by the caller, who can
 * resolve names (workflow/webhook-delivery.ts).
 */
export type UrlRefusal = 'malformed' | 'scheme' | 'https_required' | 'credentials' | 'private_address' | 'unresolvable';

export interface ReceiverRules {
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS=1: loopback and private addresses are allowed (a LAN installation, tests). */
  allowPrivateNetworks: boolean;
  /** In the cloud, receivers must use https unless private networks are allowed. */
  requireHttps: boolean;
}

export const MAX_URL_LENGTH = 2000;

export function parseReceiverUrl(raw: string, rules: ReceiverRules): { ok: true; url: URL } | { ok: false; reason: UrlRefusal } {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: 'malformed' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (url.protocol === 'http:' && rules.requireHttps && !rules.allowPrivateNetworks) return { ok: false, reason: 'https_required' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  if (url.hash || !url.hostname) return { ok: false, reason: 'malformed' };
  return { ok: true, url };
}
