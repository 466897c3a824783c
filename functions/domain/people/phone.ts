/**
 * A phone number a colleague can dial (#12 item 16): a mainland mobile (11 digits starting
 * with 1, optionally +86), a landline with its area code (010-12345678, 0755 1234567), or an
 * international number (+852 2123 4567). Spaces and hyphens are how people write them.
 */
export function isPhoneNumber(raw: string): boolean {
  const s = raw.trim().replace(/[\s-]/g, '');
  return /^(\+?86)?1[3-9]\d{9}$/.test(s) || /^(\+?86)?0\d{2,3}\d{7,8}$/.test(s) || /^\+(?!86)\d{7,15}$/.test(s);
}
