import type { HttpBindings } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from './auth/principal';
import type { RateLimiter } from './auth/rate-limiter';
import type { SessionRecord } from './auth/sessions';
import type { LiveHub } from './assessments/live-hub';
import type { PresenceRegistry } from './assessments/presence';
import type { Config } from './config';
import type { DatabaseHandle } from './db/connection';
import { AppError } from './errors';
import type { FormRegistry } from './forms/form-registry';
import type { Logger } from './log';
import type { OrganisationDirectory } from './organisations/organisation-tree';
import type { ProtocolService } from './protocols/protocol-service';

/** What every handler may use; built once at start and passed in, never imported as a global. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  forms: FormRegistry;
  logger: Logger;
  organisations: OrganisationDirectory;
  rateLimiter: RateLimiter;
  protocols: ProtocolService;
  /** Fan-out of live workshop events and who is on each assessment. */
  live: LiveHub;
  presence: PresenceRegistry;
}

export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { deps: AppDeps; principal: Principal | undefined; session: SessionRecord | undefined };
}

/**
 * A sub-app whose failed validations become one AppError naming each field,
 * so every resource answers bad input the same way.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const details = result.error.issues.flatMap((issue) => {
        const at = [result.target, ...issue.path.map(String)];
        // An unknown key is named itself, not its parent object.
        if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: 'unknown field' }));
        return [{ field: at.join('.'), message: issue.message }];
      });
      const fields = details.map((detail) => detail.field).join(', ');
      throw new AppError('validation_failed', `Invalid input: ${fields}`, details);
    },
  });
}
