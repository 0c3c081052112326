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
  SIGILL_ORG_NAME: z.string().trim().min(1).max(200).default('Kommunen'),
  SIGILL_ADMIN_EMAIL: z.email().default('admin@sigill.local'),
  SIGILL_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  SIGILL_DEMO: z.enum(['0', '1', 'true', 'false']).default('0').transform((value) => value === '1' || value === 'true'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  formsDir: string;
  clientDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  organisationName: string;
  adminEmail: string;
  /** Undefined means: generate one on first start and print it once. */
  adminPassword: string | undefined;
  demo: boolean;
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
    organisationName: values.SIGILL_ORG_NAME,
    adminEmail: values.SIGILL_ADMIN_EMAIL,
    adminPassword: values.SIGILL_ADMIN_PASSWORD,
    demo: values.SIGILL_DEMO,
  };
}
