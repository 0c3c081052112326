import type { Config } from './config';

const order = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON line per event on stderr, so logs can be shipped as they are. */
export function createLogger(level: Config['logLevel']): Logger {
  const write = (at: Exclude<Config['logLevel'], 'silent'>) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      if (order[at] < order[level]) return;
      process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields })}\n`);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
