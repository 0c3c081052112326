import { BlockList, isIP } from 'node:net';

/**
 * Which hops in front of Sigill may state the client's address in X-Forwarded-For: none (the
 * socket's peer is the client), the nearest `hops` proxies, or any proxy inside the given ranges.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'ranges'; ranges: string[]; list: BlockList };

/**
 * An address as text: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) written as plain IPv4, and a port some
 * proxies append (`10.0.0.1:51234`, `[2001:db8::1]:443`) dropped.
 */
export function normaliseAddress(address: string): string {
  const unported = /^\[([^\]]+)\](?::\d+)?$/.exec(address)?.[1] ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address)?.[1] ?? address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(unported);
  return mapped ? mapped[1]! : unported.toLowerCase();
}

/** `10.0.0.0/8` or a single address; undefined when it is neither. */
function parseRange(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [address = '', prefixText, ...rest] = text.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const maxPrefix = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address: normaliseAddress(address), prefix: maxPrefix, family };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > maxPrefix) return undefined;
  return { address: normaliseAddress(address), prefix: Number(prefixText), family };
}

/** Parses SIGILL_TRUST_PROXY: empty, a hop count (`1`), or a comma-separated list of addresses and CIDR ranges. */
export function parseTrustProxy(text: string | undefined): TrustProxy | { error: string } {
  const value = (text ?? '').trim();
  if (value === '' || value === '0' || value === 'false') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 10 ? { kind: 'hops', hops } : { error: 'a hop count is at most 10' };
  }
  const ranges = value.split(',').map((part) => part.trim()).filter(Boolean);
  const list = new BlockList();
  for (const range of ranges) {
    const parsed = parseRange(range);
    if (!parsed) return { error: `${range} is neither an IP address nor a CIDR range` };
    list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return { kind: 'ranges', ranges, list };
}

function isTrusted(trust: TrustProxy & { kind: 'ranges' }, address: string): boolean {
  const version = isIP(address);
  return version !== 0 && trust.list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: walk X-Forwarded-For from the right (the hop nearest to Sigill) for as long as
 * the hop that appended the entry is trusted. An entry that is not an address ends the walk, so a forged
 * or garbled header can at worst name the last trusted proxy, never an address of the sender's choosing.
 */
export function resolveClientAddress(trust: TrustProxy, socketAddress: string | undefined, forwardedFor: string | undefined): string {
  const peer = socketAddress ? normaliseAddress(socketAddress) : 'local';
  if (trust.kind === 'none' || !forwardedFor) return peer;
  const chain = [...forwardedFor.split(',').map((entry) => normaliseAddress(entry.trim())), peer];
  let index = chain.length - 1;
  let hops = 0;
  while (index > 0 && isIP(chain[index - 1]!) !== 0) {
    const trusted = trust.kind === 'hops' ? hops < trust.hops : isTrusted(trust, chain[index]!);
    if (!trusted) break;
    index -= 1;
    hops += 1;
  }
  return chain[index]!;
}
