/** The app's routes: Swedish paths, parsed without a router library (the app has a handful). */
export type Route =
  | { name: 'inventory' }
  | { name: 'asset-new' }
  | { name: 'asset'; id: string }
  | { name: 'asset-edit'; id: string }
  | { name: 'plan'; id: string }
  | { name: 'assessment'; id: string }
  | { name: 'verify' }
  | { name: 'dashboard' }
  | { name: 'todo' }
  | { name: 'import' }
  | { name: 'report' }
  | { name: 'soa' }
  | { name: 'dso-overview' }
  | { name: 'templates' }
  | { name: 'template'; id: string }
  | { name: 'sso-admin' }
  | { name: 'catalog-move' }
  | { name: 'not-found' };

const id = '([A-Za-z0-9_-]+)';
const table: [RegExp, (match: RegExpExecArray) => Route][] = [
  [/^\/$/, () => ({ name: 'inventory' })],
  [/^\/tillgangar\/ny$/, () => ({ name: 'asset-new' })],
  [new RegExp(`^/tillgangar/${id}$`), (m) => ({ name: 'asset', id: m[1]! })],
  [new RegExp(`^/tillgangar/${id}/redigera$`), (m) => ({ name: 'asset-edit', id: m[1]! })],
  [new RegExp(`^/tillgangar/${id}/handlingsplan$`), (m) => ({ name: 'plan', id: m[1]! })],
  [new RegExp(`^/bedomningar/${id}$`), (m) => ({ name: 'assessment', id: m[1]! })],
  [/^\/verifiera$/, () => ({ name: 'verify' })],
  [/^\/oversikt$/, () => ({ name: 'dashboard' })],
  [/^\/att-gora$/, () => ({ name: 'todo' })],
  [/^\/importera$/, () => ({ name: 'import' })],
  [/^\/ledningens-genomgang$/, () => ({ name: 'report' })],
  [/^\/tillampningsforklaring$/, () => ({ name: 'soa' })],
  [/^\/dataskydd$/, () => ({ name: 'dso-overview' })],
  [/^\/mallar$/, () => ({ name: 'templates' })],
  [new RegExp(`^/mallar/${id}$`), (m) => ({ name: 'template', id: m[1]! })],
  [/^\/inloggning$/, () => ({ name: 'sso-admin' })],
  [/^\/kravkatalog\/flytt$/, () => ({ name: 'catalog-move' })],
];

export function parseRoute(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const [pattern, build] of table) {
    const match = pattern.exec(trimmed);
    if (match) return build(match);
  }
  return { name: 'not-found' };
}

export const paths = {
  inventory: () => '/',
  newAsset: () => '/tillgangar/ny',
  asset: (assetId: string) => `/tillgangar/${assetId}`,
  editAsset: (assetId: string) => `/tillgangar/${assetId}/redigera`,
  plan: (assetId: string) => `/tillgangar/${assetId}/handlingsplan`,
  assessment: (assessmentId: string) => `/bedomningar/${assessmentId}`,
  verify: () => '/verifiera',
  dashboard: () => '/oversikt',
  todo: () => '/att-gora',
  importInventory: () => '/importera',
  report: () => '/ledningens-genomgang',
  soa: () => '/tillampningsforklaring',
  dsoOverview: () => '/dataskydd',
  /** The inventory filtered on a screening outcome or a DPIA step under an organisation (the overview's figures lead there). */
  inventoryWith: (filter: { organisationId: string; screening?: string; dpia?: string }) =>
    `/?${new URLSearchParams({ organisation: filter.organisationId, ...(filter.screening ? { forhandsbedomning: filter.screening } : {}), ...(filter.dpia ? { konsekvensbedomning: filter.dpia } : {}) }).toString()}`,
  templates: () => '/mallar',
  template: (templateId: string) => `/mallar/${templateId}`,
  ssoAdmin: () => '/inloggning',
  catalogMove: (assetId?: string) => (assetId ? `/kravkatalog/flytt?tillgang=${assetId}` : '/kravkatalog/flytt'),
};
