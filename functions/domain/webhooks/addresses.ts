/**
 * Which addresses a webhook may be delivered to (SSRF, docs/webhooks.md): not this machine,
 * not the private network it sits in, not the cloud's metadata service. An address is refused
 * when it is in any block below; a name is refused when any address it resolves to is. The
 * check runs at registration and again before every delivery (a name may be re-pointed at a
 * private address after it was registered: DNS rebinding). A LAN installation, and the tests,
 * turn it off with WEBHOOK_ALLOW_PRIVATE_NETWORKS=1.
 */

/** IPv4 blocks that are not the public internet (RFC 6890 special-purpose registry). */
const V4_BLOCKS: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. 169.254.169.254 (cloud metadata)
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. 255.255.255.255
];

/** IPv6 blocks likewise; IPv4-mapped and NAT64 addresses are judged by their IPv4 part. */
const V6_BLOCKS: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID…)
  ['2002::', 16], // 6to4 (embeds an IPv4 address)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

function v4ToBigInt(ip: string): bigint | null {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => (n << 8n) | BigInt(Number(p)), 0n);
}

function v6ToBigInt(ip: string): bigint | null {
  let text = ip.toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two hex groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = v4ToBigInt(tail[1]!);
    if (v4 === null) return null;
    text = `${text.slice(0, -tail[1]!.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? head.length !== 8 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function inBlock(value: bigint, base: bigint, prefix: number, bits: number): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === base >> shift;
}

const V4 = V4_BLOCKS.map(([ip, prefix]) => [v4ToBigInt(ip)!, prefix] as const);
const V6 = V6_BLOCKS.map(([ip, prefix]) => [v6ToBigInt(ip)!, prefix] as const);
const MAPPED = v6ToBigInt('::ffff:0:0')!;
const NAT64 = v6ToBigInt('64:ff9b::')!;

/**
 * True when `ip` (an IPv4 or IPv6 literal) is not a public internet address. Anything that
 * does not parse is treated as not public: refusing is the safe answer.
 */
export function isNonPublicAddress(ip: string): boolean {
  const v4 = v4ToBigInt(ip);
  if (v4 !== null) return V4.some(([base, prefix]) => inBlock(v4, base, prefix, 32));
  const v6 = v6ToBigInt(ip);
  if (v6 === null) return true;
  // ::ffff:a.b.c.d and 64:ff9b::a.b.c.d reach the IPv4 address they embed.
  if (inBlock(v6, MAPPED, 96, 128) || inBlock(v6, NAT64, 96, 128)) {
    const embedded = v6 & 0xffffffffn;
    return V4.some(([base, prefix]) => inBlock(embedded, base, prefix, 32));
  }
  return V6.some(([base, prefix]) => inBlock(v6, base, prefix, 128));
}

/** An IP literal as a URL's host writes it (`127.0.0.1`, `[::1]`), else null. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return v4ToBigInt(bare) !== null || (bare.includes(':') && v6ToBigInt(bare) !== null) ? bare : null;
}
