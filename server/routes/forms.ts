import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { AppError } from '../errors';
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

export const formRoutes = createRouter()
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
    return c.json(form.content, 200);
  });
