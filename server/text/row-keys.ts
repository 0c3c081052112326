import { searchKeyOf, swedishSortKey } from './swedish-keys';

/** The keys stored with a row: what lists sort by and what search looks in. */
export interface RowKeys {
  sort_key: string;
  search_key: string;
}

/** An asset is found by its name, description, tags, suppliers and external id, and sorted by its name. */
export function assetKeys(asset: { name: string; description: string; tags: readonly string[]; suppliers: readonly string[]; externalId: string | null }): RowKeys {
  return { sort_key: swedishSortKey(asset.name), search_key: searchKeyOf([asset.name, asset.description, ...asset.tags, ...asset.suppliers, asset.externalId]) };
}

/** A template is found by its newest version's name, description and informationsmängder, and sorted by that name. */
export function templateKeys(version: { name: string; description: string; informationSetNames: readonly string[] }): RowKeys {
  return { sort_key: swedishSortKey(version.name), search_key: searchKeyOf([version.name, version.description, ...version.informationSetNames]) };
}
