/**
 * The candidate's link to their offer letter (录用通知书): read, print, accept or decline it
 * without an account. The link names the offer and the nonce the offer holds, signed with the
 * deployment's link secret under its own context (a MAC made for an approval link never
 * verifies here, nor the reverse). It does not expire by itself: the offer's status bounds what
 * it can do (an answered, lapsed or withdrawn offer takes no answer), and answering is one
 * conditional write, so a link works once.
 *
 * Format: `<offer id>.<nonce>.<base64url HMAC-SHA256(secret, CONTEXT + id + "." + nonce)>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { linkKey } from './links.js';

const CONTEXT = 'cs-offer-link.v1.';
const PART = /^[A-Za-z0-9_-]{1,64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

export interface OfferLinkClaims {
  offerId: string;
  nonce: string;
}

const mac = (offerId: string, nonce: string, secret: Uint8Array | string) =>
  createHmac('sha256', linkKey(secret)).update(CONTEXT).update(`${offerId}.${nonce}`).digest('base64url');

export function signOfferLink(c: OfferLinkClaims, secret: Uint8Array | string): string {
  if (!PART.test(c.offerId) || !PART.test(c.nonce)) throw new Error('signOfferLink: ids are 1–64 URL-safe characters');
  return `${c.offerId}.${c.nonce}.${mac(c.offerId, c.nonce, secret)}`;
}

/** The claims of a well-formed, untampered link; null otherwise (the page says the link does not work). */
export function verifyOfferLink(token: string, secret: Uint8Array | string): OfferLinkClaims | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [offerId, nonce, signature, ...rest] = token.split('.');
  if (rest.length || !offerId || !nonce || !signature || !PART.test(offerId) || !PART.test(nonce) || !SIGNATURE.test(signature)) return null;
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(mac(offerId, nonce, secret)))) return null;
  return { offerId, nonce };
}
