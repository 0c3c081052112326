import { z } from '@hono/zod-openapi';

const name = z.string().min(1).max(200);
const rowId = z.string().min(1).max(100).openapi({ description: 'The stable id the row got when it was created (its _rowId)' });
const path = z.union([z.tuple([name]), z.tuple([name, rowId, name])]).openapi({ description: 'A question, or [list, rowId, field] for one field of a dynamic row' });

export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a random tab id of 8–64 letters, digits, - or _');

export const answerOpSchema = z
  .discriminatedUnion('op', [
    z.object({
      op: z.literal('set'),
      path,
      value: z.unknown().openapi({ description: 'The new value; null clears it' }),
      base: z.number().int().min(0).openapi({ description: 'The revision in which the sender last saw this question' }),
    }).strict(),
    z.object({ op: z.literal('insert'), list: name, rowId, after: rowId.nullable(), value: z.record(name, z.unknown()).optional() }).strict(),
    z.object({ op: z.literal('remove'), list: name, rowId }).strict(),
    z.object({ op: z.literal('move'), list: name, rowId, after: rowId.nullable() }).strict(),
  ])
  .openapi('AnswerOp');

export const changesBodySchema = z.object({ clientId: clientIdSchema.optional(), ops: z.array(answerOpSchema).min(1).max(500) }).strict().openapi('AnswerChanges');

export const changesResultSchema = z
  .object({
    revision: z.number().int(),
    order: z.record(z.string(), z.array(z.string())).openapi({ description: 'The row order, by id, of each list whose rows this change inserted, removed or moved' }),
    applied: z.array(z.object({ path: z.array(z.string()).readonly(), revision: z.number().int() })),
    result: z.record(z.string(), z.unknown()).nullable(),
    missing: z.array(z.object({ field: z.string(), message: z.string() })),
    summary: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('AnswerChangesResult');

export const changeRecordSchema = z.object({
  revision: z.number().int(),
  path: z.array(z.string()).readonly(),
  op: z.enum(['set', 'insert', 'remove', 'move']),
  previousValue: z.unknown(),
  newValue: z.unknown(),
  changedBy: z.object({ id: z.string(), name: z.string() }),
  changedAt: z.string(),
});

export const presenceBodySchema = z
  .object({
    clientId: clientIdSchema,
    page: z.string().max(200).nullable(),
    question: z.string().max(200).nullable(),
    leading: z.boolean(),
  })
  .strict()
  .openapi('Presence');
