import { z } from 'zod';
import { contentKinds } from './content-kinds';

/** JSON Schema of every content kind, from the same zod schemas the server validates with. */
export function formJsonSchemas(): Record<string, Record<string, unknown>> {
  const schemas: Record<string, Record<string, unknown>> = {};
  for (const [kind, schema] of Object.entries(contentKinds)) {
    // Refinements (uniqueness, cross-field rules) have no JSON Schema form; the server still checks them.
    schemas[kind] = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  }
  return schemas;
}
