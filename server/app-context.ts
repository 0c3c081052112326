import { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from './config';
import type { DatabaseHandle } from './db/connection';
import { AppError } from './errors';
import type { FormRegistry } from './forms/form-registry';
import type { Logger } from './log';

/** What every handler may use; built once at start and passed in, never imported as a global. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  forms: FormRegistry;
  logger: Logger;
}

export interface AppEnv {
  Variables: { deps: AppDeps };
}

/**
 * A sub-app whose failed validations become one AppError naming each field,
 * so every resource answers bad input the same way.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const details = result.error.issues.map((issue) => ({
        field: [result.target, ...issue.path.map(String)].join('.'),
        message: issue.message,
      }));
      const fields = details.map((detail) => detail.field).join(', ');
      throw new AppError('validation_failed', `Invalid input: ${fields}`, details);
    },
  });
}
