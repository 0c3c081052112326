import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { createRouter } from '../app-context';
import { allowedOrganisations } from '../auth/access';
import type { Permission } from '../auth/permissions';
import { assetWithPermission } from '../assets/asset-access';
import { listAssets } from '../assets/asset-store';
import { classificationInForce } from '../exports/classification-in-force';
import { type ExportTable, fileSlug, tableCsv, tablesWorkbook } from '../exports/export-table';
import { inventoryTable } from '../exports/inventory-table';
import { planTable } from '../exports/plan-table';
import { procurementData, procurementTable } from '../exports/procurement-data';
import { sakerhetsklassTable } from '../exports/sakerhetsklass-table';
import { planOfAsset } from '../plans/plan-store';
import { errorResponses } from './error-responses';
import { idParam } from './schemas';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const params = z.object({ id: idParam('id') });
const binary = (type: string) => ({ [type]: { schema: z.string().openapi({ format: 'binary' }) } });
const csvContent = { 'text/csv': { schema: z.string() } };

function attachment(name: string) {
  return { 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store' };
}
/** The assets the caller may export (optionally one organisation and those below it), as one table. */
async function inventoryExport(c: Context<AppEnv>, organisationId: string | undefined): Promise<ExportTable> {
  const deps = c.get('deps');
  let organisations = await allowedOrganisations(c, 'export.read');
  if (organisationId) {
    const wanted = new Set((await deps.organisations.current()).selfAndDescendants(organisationId));
    organisations = organisations.filter((id) => wanted.has(id));
  }
  const { items } = await listAssets(deps.database.db, organisations, { page: 1, pageSize: 1_000_000, includeArchived: 'false' });
  return inventoryTable(deps.database.db, items);
}

async function sendXlsx(c: Context<AppEnv>, table: ExportTable, name: string) {
  return c.body(new Uint8Array(await tablesWorkbook([table])), 200, { 'Content-Type': xlsxType, ...attachment(`${name}.xlsx`) });
}
function sendCsv(c: Context<AppEnv>, table: ExportTable, name: string) {
  return c.body(tableCsv(table), 200, { 'Content-Type': 'text/csv; charset=utf-8', ...attachment(`${name}.csv`) });
}

async function planExport(c: Context<AppEnv>, id: string) {
  const { asset } = await assetWithPermission(c, id, 'plan.read');
  const deps = c.get('deps');
  const items = await planOfAsset(deps.database.db, await deps.organisations.current(), asset);
  return { table: planTable(items), name: `handlingsplan-${fileSlug(asset.name, 'objekt')}` };
}

async function inForceExport(c: Context<AppEnv>, id: string, permission: Permission) {
  const { asset } = await assetWithPermission(c, id, permission);
  return { asset, inForce: await classificationInForce(c.get('deps'), asset.id) };
}

async function procurementExport(c: Context<AppEnv>, id: string) {
  const { asset, inForce } = await inForceExport(c, id, 'export.read');
  return { data: procurementData(inForce, asset, asset.organisationName), name: `upphandlingskrav-${fileSlug(asset.name, 'objekt')}` };
}

async function sakerhetsklassExport(c: Context<AppEnv>, id: string) {
  const { asset, inForce } = await inForceExport(c, id, 'export.read');
  return { table: sakerhetsklassTable(inForce, asset), name: `sakerhetsklass-${fileSlug(asset.name, 'objekt')}` };
}

export const exportRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/inventory.xlsx',
      tags: ['exports'],
      summary: 'The inventory you may read as XLSX, with profiles, decision and review dates (the CSV has the same assets)',
      request: { query: z.object({ organisationId: idParam('organisationId').optional().openapi({ param: { name: 'organisationId', in: 'query' } }) }).strict() },
      responses: { 200: { description: 'XLSX', content: binary(xlsxType) }, ...errorResponses(400, 401) },
    }),
    async (c) => sendXlsx(c, await inventoryExport(c, c.req.valid('query').organisationId), 'informationstillgangar'),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/inventory.csv',
      tags: ['exports'],
      summary: 'The inventory you may read as CSV (semicolon-separated, UTF-8, for Excel), the same table as the XLSX',
      request: { query: z.object({ organisationId: idParam('organisationId').optional().openapi({ param: { name: 'organisationId', in: 'query' } }) }).strict() },
      responses: { 200: { description: 'CSV', content: csvContent }, ...errorResponses(400, 401) },
    }),
    async (c) => sendCsv(c, await inventoryExport(c, c.req.valid('query').organisationId), 'informationstillgangar'),
  )
  .openapi(
    createRoute({ method: 'get', path: '/assets/{id}/plan.csv', tags: ['exports'], summary: 'The asset’s action plan as CSV (Swedish Excel)', request: { params }, responses: { 200: { description: 'CSV', content: csvContent }, ...errorResponses(400, 401, 403, 404) } }),
    async (c) => {
      const { table, name } = await planExport(c, c.req.valid('param').id);
      return sendCsv(c, table, name);
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/assets/{id}/plan.xlsx', tags: ['exports'], summary: 'The asset’s action plan as XLSX', request: { params }, responses: { 200: { description: 'XLSX', content: binary(xlsxType) }, ...errorResponses(400, 401, 403, 404) } }),
    async (c) => {
      const { table, name } = await planExport(c, c.req.valid('param').id);
      return sendXlsx(c, table, name);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}/upphandlingskrav.xlsx',
      tags: ['exports'],
      summary: 'Upphandlingskrav: the requirements of the fastställd classification as SKA-krav, XLSX',
      request: { params },
      responses: { 200: { description: 'XLSX', content: binary(xlsxType) }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { data, name } = await procurementExport(c, c.req.valid('param').id);
      return sendXlsx(c, procurementTable(data), name);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}/upphandlingskrav.pdf',
      tags: ['exports'],
      summary: 'Upphandlingskrav as PDF, numbered for a förfrågningsunderlag',
      request: { params },
      responses: { 200: { description: 'PDF', content: binary('application/pdf') }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { data, name } = await procurementExport(c, c.req.valid('param').id);
      const pdf = await c.get('deps').protocols.renderPool().run({ procurement: data });
      return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', ...attachment(`${name}.pdf`) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}/sakerhetsklass.csv',
      tags: ['exports'],
      summary: 'The asset’s levels as the national value list "Säkerhetsklass" (e-archive metadata), CSV',
      request: { params },
      responses: { 200: { description: 'CSV', content: csvContent }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { table, name } = await sakerhetsklassExport(c, c.req.valid('param').id);
      return sendCsv(c, table, name);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}/sakerhetsklass.xlsx',
      tags: ['exports'],
      summary: 'The asset’s levels as the national value list "Säkerhetsklass" (e-archive metadata), XLSX',
      request: { params },
      responses: { 200: { description: 'XLSX', content: binary(xlsxType) }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { table, name } = await sakerhetsklassExport(c, c.req.valid('param').id);
      return sendXlsx(c, table, name);
    },
  );
