import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { createRouter } from '../app-context';
import { assessmentHeadWithPermission, assessmentWithPermission } from '../assessments/assessment-access';
import { applyChanges } from '../assessments/apply-changes';
import { changeRecordSchema, changesBodySchema, changesResultSchema, clientIdSchema, presenceBodySchema } from '../assessments/change-schemas';
import { changesSince } from '../assessments/changes-store';
import { eventText } from '../assessments/live-hub';
import { streamStillAllowed } from '../assessments/stream-access';
import { nowIso } from '../ids';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';

const params = z.object({ id: idParam('id') });
const snapshotSchema = z.object({
  revision: z.number().int(),
  people: z.array(z.object({ clientId: z.string(), userId: z.string(), name: z.string(), page: z.string().nullable(), question: z.string().nullable(), leading: z.boolean(), at: z.string() })),
});
/** A comment line now and then keeps proxies from closing a quiet stream. */
const keepAliveMs = 20_000;

export const liveRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/changes',
      tags: ['assessments'],
      summary: 'Save answers as small changes, merged with everyone else’s',
      description:
        'Each set names the revision in which the sender last saw its question. Changes to other questions and row inserts, removals and moves merge; ' +
        'a set whose question someone changed since is refused: 409 with details.conflicts (yours, stored, changedBy, changedAt) and nothing saved.',
      request: { params, body: { required: true, content: json(changesBodySchema) } },
      responses: { 200: { description: 'Applied, validated and scored', content: json(changesResultSchema) }, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentHeadWithPermission(c, c.req.valid('param').id, 'assessment.edit');
      const body = c.req.valid('json');
      const applied = await applyChanges(c.get('deps'), assessment, body.ops, { userId: principal.userId, name: principal.name }, body.clientId ?? null);
      // The JSON is built with the stored result's text (apply-changes.ts); the typed outcome is the same content.
      return c.newResponse(applied.json, 200, { 'content-type': 'application/json' }) as unknown as ReturnType<typeof c.json<typeof applied.outcome, 200>>;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/changes',
      tags: ['assessments'],
      summary: 'The changes made after a revision, oldest first: who changed what, from which value to which',
      request: { params, query: z.object({ since: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
      responses: { 200: { description: 'Changes', content: json(z.object({ changes: z.array(changeRecordSchema) })) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { assessment } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.read', false);
      const { since, limit } = c.req.valid('query');
      return c.json({ changes: await changesSince(c.get('deps').database.db, assessment.id, since, limit) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/live',
      tags: ['assessments'],
      summary: 'Server-sent events: every stored change (with the new result) and who is here, as they happen',
      description:
        'The session and the read permission are checked again before each event: a logout or a withdrawn role ends the stream. ' +
        'The first event, hello, carries the current revision and presence; then change and presence events. The tab is present while the stream is open. ' +
        'A caller that does not accept text/event-stream gets that first snapshot as JSON instead.',
      request: { params, query: z.object({ clientId: clientIdSchema }) },
      responses: {
        200: { description: 'An event stream, or the snapshot', content: { 'text/event-stream': { schema: z.string() }, ...json(snapshotSchema) } },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.read', false);
      const { clientId } = c.req.valid('query');
      const deps = c.get('deps');
      const snapshot = { revision: assessment.revision, people: deps.presence.list(assessment.id) };
      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) return c.json(snapshot, 200);
      // A buffering proxy (nginx) would hold the events back.
      c.header('X-Accel-Buffering', 'no');
      return streamSSE(c, async (stream) => {
        const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
        const tokenHash = c.get('session')?.tokenHash ?? '';
        // One chain per stream keeps events in order while each waits for its access check.
        let chain = Promise.resolve();
        const send = (write: () => Promise<unknown>) => {
          chain = chain
            .then(async () => {
              if (stream.aborted) return;
              if (await streamStillAllowed(deps, tokenHash, assessment.organisationId)) await write();
              else stream.abort();
            })
            .catch(() => stream.abort());
        };
        // Listening first and present before hello, so a presence call right after hello counts and nothing falls between.
        const unsubscribe = deps.live.subscribe(assessment.id, (event) => send(() => stream.writeSSE({ event: event.type, data: eventText(event) })));
        deps.presence.join(assessment.id, { clientId, userId: principal.userId, name: principal.name, page: null, question: null, leading: false, at: nowIso() });
        await stream.writeSSE({ event: 'hello', data: JSON.stringify({ ...snapshot, people: deps.presence.list(assessment.id) }) });
        const keepAlive = setInterval(() => send(() => stream.write(': keep-alive\n\n')), keepAliveMs);
        await closed;
        clearInterval(keepAlive);
        unsubscribe();
        deps.presence.leave(assessment.id, clientId);
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/presence',
      tags: ['assessments'],
      summary: 'Say where this tab is in the questionnaire, and whether it leads the workshop',
      description: 'Counts for a tab whose live stream is open; for any other tab it changes nothing.',
      request: { params, body: { required: true, content: json(presenceBodySchema) } },
      responses: { 204: { description: 'Announced to everyone on the assessment' }, ...errorResponses(400, 401, 404, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.read', false);
      const body = c.req.valid('json');
      c.get('deps').presence.move(assessment.id, { ...body, userId: principal.userId, name: principal.name, at: nowIso() });
      return c.body(null, 204);
    },
  );
