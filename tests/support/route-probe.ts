import type { Permission } from '../../server/auth/permissions';
import type { ApiResponse } from './api-client';

/** One request of the permission walk (tests/api/permissions.test.ts). */
export interface Call {
  method: string;
  path: string;
  body?: unknown;
}

/** How to call a route, and the permission the table must demand for it. */
export interface Probe {
  permission: Permission;
  /** Builds the state the call needs (fresh each time, so a destructive call cannot spoil the next). */
  prepare(): Promise<Call>;
}

/** A setup step's answer, or an error: a probe must never test a route on state that failed to build. */
export async function ok<T>(response: Promise<ApiResponse<T>>): Promise<T> {
  const settled = await response;
  if (settled.status >= 300) throw new Error(`setup failed: ${settled.status} ${JSON.stringify(settled.body)}`);
  return settled.body;
}
