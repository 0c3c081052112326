import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('runs on one machine with no variables set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.resolve('data'));
  });

  it('reads the variables it knows', () => {
    const config = loadConfig({ SIGILL_PORT: '9000', SIGILL_HOST: '0.0.0.0', SIGILL_DATA_DIR: '/tmp/x', SIGILL_PUBLIC_URL: 'https://sigill.exempelkommun.se/' });
    expect(config).toMatchObject({ port: 9000, host: '0.0.0.0', dataDir: '/tmp/x', publicUrl: 'https://sigill.exempelkommun.se', publicOrigin: 'https://sigill.exempelkommun.se' });
  });

  it('refuses to serve the network without a public URL, since its cookies could not know they travel over TLS', () => {
    expect(() => loadConfig({ SIGILL_HOST: '0.0.0.0' })).toThrow(/SIGILL_PUBLIC_URL/);
    expect(loadConfig({ SIGILL_HOST: '127.0.0.2' }).publicOrigin).toBeUndefined();
  });

  it('selects PostgreSQL by a postgres:// URL and keeps SQLite when none is set', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ SIGILL_DATABASE_URL: 'postgres://sigill:hemligt@db.kommun.se:5432/sigill' }).databaseUrl).toBe('postgres://sigill:hemligt@db.kommun.se:5432/sigill');
    expect(loadConfig({ SIGILL_DATABASE_URL: 'postgresql://db.kommun.se/sigill' }).databaseUrl).toBe('postgresql://db.kommun.se/sigill');
    expect(() => loadConfig({ SIGILL_DATABASE_URL: 'mysql://db.kommun.se/sigill' })).toThrow(/SIGILL_DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it('reads the trusted proxies as a hop count or address ranges, and refuses anything else by name', () => {
    expect(loadConfig({}).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ SIGILL_TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 });
    expect(loadConfig({ SIGILL_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toMatchObject({ kind: 'ranges', ranges: ['127.0.0.1', '10.0.0.0/8'] });
    expect(() => loadConfig({ SIGILL_TRUST_PROXY: '10.0.0.0/40' })).toThrow(/SIGILL_TRUST_PROXY: 10\.0\.0\.0\/40/);
    expect(() => loadConfig({ SIGILL_PUBLIC_URL: 'ftp://sigill.example' })).toThrow(/SIGILL_PUBLIC_URL/);
  });

  it('lists every wrong variable at once, by name', () => {
    let caught: unknown;
    try {
      loadConfig({ SIGILL_PORT: 'eighty', SIGILL_LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/SIGILL_PORT/);
    expect(problems.join('\n')).toMatch(/SIGILL_LOG_LEVEL/);
  });

  it('chooses how durable a commit is, process-crash safe by default', () => {
    expect(loadConfig({}).durability).toBe('process');
    expect(loadConfig({ SIGILL_DURABILITY: 'power' }).durability).toBe('power');
    expect(() => loadConfig({ SIGILL_DURABILITY: 'eventually' })).toThrow(/SIGILL_DURABILITY/);
  });

  it('refuses a port outside the TCP range', () => {
    expect(() => loadConfig({ SIGILL_PORT: '70000' })).toThrow(/SIGILL_PORT/);
  });
});
