import { describe, expect, it } from 'vitest';
import { parseTrustProxy, resolveClientAddress, type TrustProxy } from '../../server/proxy/trusted-proxy';

function trust(text: string): TrustProxy {
  const parsed = parseTrustProxy(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

describe('the client address behind proxies', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(resolveClientAddress(trust(''), '10.0.0.5', '203.0.113.9')).toBe('10.0.0.5');
    expect(resolveClientAddress(trust(''), '::ffff:10.0.0.5', undefined)).toBe('10.0.0.5');
  });

  it('takes as many entries from the right as there are trusted hops, never more', () => {
    expect(resolveClientAddress(trust('1'), '127.0.0.1', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(resolveClientAddress(trust('2'), '127.0.0.1', '198.51.100.1, 203.0.113.9')).toBe('198.51.100.1');
    // A client that sends its own X-Forwarded-For only adds entries on the left, which one hop does not reach.
    expect(resolveClientAddress(trust('1'), '127.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(resolveClientAddress(trust('3'), '127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
  });

  it('walks through trusted ranges only', () => {
    const ranges = trust('127.0.0.1, 10.0.0.0/8, ::1');
    expect(resolveClientAddress(ranges, '127.0.0.1', '203.0.113.9, 10.1.2.3')).toBe('203.0.113.9');
    expect(resolveClientAddress(ranges, '::1', '203.0.113.9')).toBe('203.0.113.9');
    // The socket peer is not a trusted proxy: its header is ignored.
    expect(resolveClientAddress(ranges, '192.0.2.7', '203.0.113.9')).toBe('192.0.2.7');
    // A forged entry left of an untrusted hop is not reached.
    expect(resolveClientAddress(ranges, '127.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('stops at an entry that is not an address, so garbage cannot choose the address', () => {
    expect(resolveClientAddress(trust('2'), '127.0.0.1', 'unknown, 203.0.113.9')).toBe('203.0.113.9');
    expect(resolveClientAddress(trust('1'), '127.0.0.1', 'nonsense')).toBe('127.0.0.1');
  });

  it('drops a port a proxy appended to an entry', () => {
    expect(resolveClientAddress(trust('1'), '127.0.0.1', '203.0.113.9:51234')).toBe('203.0.113.9');
    expect(resolveClientAddress(trust('1'), '127.0.0.1', '[2001:DB8::1]:443')).toBe('2001:db8::1');
  });

  it('refuses a setting it cannot read, naming the part', () => {
    expect(parseTrustProxy('10.0.0.0/33')).toEqual({ error: expect.stringContaining('10.0.0.0/33') });
    expect(parseTrustProxy('proxy.example')).toEqual({ error: expect.stringContaining('proxy.example') });
    expect(parseTrustProxy('11')).toEqual({ error: expect.stringContaining('at most 10') });
    expect(parseTrustProxy(undefined)).toEqual({ kind: 'none' });
  });
});
