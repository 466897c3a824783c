/**
 * Signed approval links. An emailed link carries a reference bound to one approver, one
 * approval task and one action, signed with HMAC-SHA256 and expiring — never the Step
 * Functions task token, which stays on the server (ARCHITECTURE.md "Notes from the anchors").
 *
 * Single use is not enforced here: the decision's conditional write does that. `nonce` lets
 * the store bind a link to the task's current issue, so links from before a transfer can be
 * recognised as superseded.
 *
 * Format: `base64url(JSON payload) "." base64url(HMAC-SHA256(secret, CONTEXT + payload))`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkClaims {
  taskId: string;
  approverId: string;
  action: 'approve' | 'reject';
  /** Epoch seconds; the link works while `now < expiresAt`. */
  expiresAt: number;
  nonce: string;
}

export type LinkCheck =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

/** Domain separation: a MAC made for anything else with the same secret never verifies here. */
const CONTEXT = 'cs-approval-link.v1.';
const MIN_SECRET_BYTES = 32;
/** Far above a real link (~200 chars); bounds the work an attacker can make us do. */
const MAX_TOKEN_LENGTH = 2048;
const SIGNATURE_LENGTH = 43; // base64url of 32 bytes, unpadded
const BASE64URL = /^[A-Za-z0-9_-]+$/;

interface Payload { v: 1; t: string; a: string; d: 'approve' | 'reject'; e: number; n: string }

export function signLink(claims: LinkClaims, secret: Uint8Array | string): string {
  if (!validClaims(claims)) throw new Error('signLink: invalid claims (non-empty ids and nonce, action approve|reject, whole-second expiresAt)');
  const payload: Payload = { v: 1, t: claims.taskId, a: claims.approverId, d: claims.action, e: claims.expiresAt, n: claims.nonce };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(body, linkKey(secret))}`;
}

export function verifyLink(token: string, secret: Uint8Array | string, nowSeconds: number): LinkCheck {
  const k = linkKey(secret);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'malformed' };
  const [body, signature] = parts as [string, string];
  if (!BASE64URL.test(body) || !BASE64URL.test(signature) || signature.length !== SIGNATURE_LENGTH) {
    return { ok: false, reason: 'malformed' };
  }
  // Compare the encoded forms: both are canonical 43-char strings, so a re-encoded variant of
  // the same bytes is rejected too.
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(mac(body, k)))) return { ok: false, reason: 'tampered' };
  const claims = parsePayload(body);
  // Only reachable if we signed something unparseable ourselves (e.g. a future format).
  if (!claims) return { ok: false, reason: 'malformed' };
  if (!(nowSeconds < claims.expiresAt)) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/**
 * The signing secret from the environment: base64 (standard or URL-safe) or hex, at least
 * 32 bytes. A value made only of hex digits is read as hex. Throws a message that says how
 * to make one, so a misconfigured deployment fails at cold start, not on the first click.
 */
export function linkSecretFromEnv(value: string | undefined, name = 'LINK_SECRET'): Uint8Array {
  const raw = value?.trim() ?? '';
  const howTo = `generate one with \`openssl rand -base64 32\``;
  if (!raw) throw new Error(`${name} is not set: ${howTo}`);
  let bytes: Buffer;
  if (/^[0-9a-fA-F]+$/.test(raw) && raw.length % 2 === 0) bytes = Buffer.from(raw, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw) && raw.replace(/=+$/, '').length % 4 !== 1) bytes = Buffer.from(raw, 'base64');
  else throw new Error(`${name} must be base64 or hex: ${howTo}`);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new Error(`${name} is too short (${bytes.length} bytes, need at least ${MIN_SECRET_BYTES}): ${howTo}`);
  }
  return new Uint8Array(bytes);
}

export function linkKey(secret: Uint8Array | string): Buffer {
  const k = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (k.length < MIN_SECRET_BYTES) throw new Error(`link secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return k;
}

function mac(body: string, k: Buffer): string {
  return createHmac('sha256', k).update(CONTEXT).update(body).digest('base64url');
}

function parsePayload(body: string): LinkClaims | null {
  let p: unknown;
  try {
    p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof p !== 'object' || p === null) return null;
  const { v, t, a, d, e, n } = p as Partial<Record<keyof Payload, unknown>>;
  if (v !== 1) return null;
  const claims = { taskId: t, approverId: a, action: d, expiresAt: e, nonce: n } as LinkClaims;
  return validClaims(claims) ? claims : null;
}

function validClaims(c: LinkClaims): boolean {
  const text = (s: unknown) => typeof s === 'string' && s.length > 0 && s.length <= 256;
  return (
    text(c.taskId) && text(c.approverId) && text(c.nonce) &&
    (c.action === 'approve' || c.action === 'reject') &&
    Number.isSafeInteger(c.expiresAt) && c.expiresAt > 0
  );
}
