import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { AppError } from '../errors';
import type { LoadedForm } from '../forms/load-forms';
import { chooseEncoding, EncodedJson } from '../forms/encoded-json';
import { errorResponses } from './error-responses';
import { stableIdParam } from './schemas';

const formMetaResponse = z
  .object({
    id: z.string(),
    version: z.number().int(),
    kind: z.string(),
    title: z.string(),
    locale: z.string(),
    publishedAt: z.string(),
    description: z.string().optional(),
  })
  .openapi('FormMeta');

const formFileResponse = z
  .object({ meta: formMetaResponse })
  .catchall(z.unknown())
  .openapi('FormFile', { description: 'The whole form file: meta and the content of its kind (for a questionnaire: survey).' });

const listForms = createRoute({
  method: 'get',
  path: '/',
  tags: ['forms'],
  summary: 'Every published form and content file, newest version last',
  responses: {
    200: { description: 'Form headers', content: { 'application/json': { schema: z.object({ forms: z.array(formMetaResponse) }) } } },
  },
});

const getForm = createRoute({
  method: 'get',
  path: '/{id}/{version}',
  tags: ['forms'],
  summary: 'One version of one form, exactly as published',
  request: {
    params: z.object({
      id: stableIdParam('id').openapi({ example: 'informationsklassning' }),
      version: z.coerce.number().int().positive().openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
    }),
  },
  responses: {
    200: { description: 'The form file', content: { 'application/json': { schema: formFileResponse } } },
    ...errorResponses(400, 404),
  },
});

/** Each published form's answer, compressed once: the workshop loads several of them on every visit. */
const encodedForms = new WeakMap<LoadedForm, EncodedJson>();

function encodedForm(form: LoadedForm): EncodedJson {
  let encoded = encodedForms.get(form);
  if (!encoded) {
    encoded = new EncodedJson(form.content);
    encodedForms.set(form, encoded);
  }
  return encoded;
}

const formRouter = createRouter();

// The form's answer, swapped for its compressed copy when the browser accepts one.
formRouter.use('/:id/:version', async (c, next) => {
  await next();
  const form = c.get('deps').forms.get(c.req.param('id'), Number(c.req.param('version')));
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  if (c.res.status !== 200 || !form || encoding === 'identity') return;
  const headers = new Headers(c.res.headers);
  headers.set('Content-Encoding', encoding);
  headers.delete('Content-Length');
  c.res = new Response(new Uint8Array(encodedForm(form).body(encoding)), { status: 200, headers });
});

export const formRoutes = formRouter
  .openapi(listForms, (c) => {
    const forms = c.get('deps').forms.list();
    return c.json({ forms }, 200);
  })
  .openapi(getForm, (c) => {
    const { id, version } = c.req.valid('param');
    const form = c.get('deps').forms.get(id, version);
    if (!form) throw new AppError('not_found', `Form ${id} version ${version} does not exist`, [{ field: 'param.id', message: 'no such form and version' }]);
    // Published forms never change, so clients and proxies may keep them.
    c.header('Cache-Control', 'public, max-age=3600, immutable');
    c.header('Vary', 'Accept-Encoding');
    return c.json(form.content, 200);
  });
