import { describe, expect, it } from 'vitest';
import { contentKinds } from '../../../scoring/content/content-kinds';
import { formJsonSchemas } from '../../../scoring/content/json-schemas';

describe('JSON Schema for editors', () => {
  it('converts every content kind', () => {
    const schemas = formJsonSchemas();
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(contentKinds).sort());
    for (const schema of Object.values(schemas)) {
      expect(schema).toMatchObject({ $schema: expect.stringContaining('json-schema'), type: 'object' });
      expect(schema.properties).toHaveProperty('meta');
    }
  });
});
