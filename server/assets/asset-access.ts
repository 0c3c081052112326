import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { authorize } from '../auth/access';
import type { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors';
import type { Asset } from './asset-schemas';
import { findAsset } from './asset-store';

/** Loads an asset and checks the permission in its organisation; unknown and invisible assets are both 404. */
export async function assetWithPermission(c: Context<AppEnv>, assetId: string, permission: Permission): Promise<{ asset: Asset; principal: Principal }> {
  const asset = await findAsset(c.get('deps').database.db, assetId);
  if (!asset) throw new AppError('not_found', 'No such asset');
  const principal = await authorize(c, permission, asset.organisationId, 'asset');
  return { asset, principal };
}
