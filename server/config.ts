import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const configSchema = z.object({
  SIGILL_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  SIGILL_HOST: z.string().min(1).default('127.0.0.1'),
  SIGILL_DATA_DIR: z.string().min(1).default('./data'),
  SIGILL_FORMS_DIR: z.string().min(1).default(path.join(repoRoot, 'forms')),
  SIGILL_CLIENT_DIR: z.string().min(1).default(path.join(repoRoot, 'dist', 'client')),
  SIGILL_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  formsDir: string;
  clientDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once; every later reader gets the typed object, never process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  return {
    port: values.SIGILL_PORT,
    host: values.SIGILL_HOST,
    dataDir: path.resolve(values.SIGILL_DATA_DIR),
    formsDir: path.resolve(values.SIGILL_FORMS_DIR),
    clientDir: path.resolve(values.SIGILL_CLIENT_DIR),
    logLevel: values.SIGILL_LOG_LEVEL,
  };
}
