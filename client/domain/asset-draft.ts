import type { ApiBody } from '../contract/api';
import type { Asset, AssetType, HostingKind } from '../contract/api-types';

/** The asset form's fields as the inputs hold them (lists as text), and their conversion to the API body. */
export interface AssetDraft {
  organisationId: string;
  name: string;
  type: AssetType;
  description: string;
  informationsagare: string;
  objektagare: string;
  /** '' when no objektledare is chosen. */
  objektledareUserId: string;
  hosting: HostingKind | '';
  suppliers: string;
  tags: string;
  externalId: string;
}

export function draftOf(asset: Asset | null, organisationId: string): AssetDraft {
  return {
    organisationId: asset?.organisationId ?? organisationId,
    name: asset?.name ?? '',
    type: asset?.type ?? 'system',
    description: asset?.description ?? '',
    informationsagare: asset?.informationsagare ?? '',
    objektagare: asset?.objektagare ?? '',
    objektledareUserId: asset?.objektledareUserId ?? '',
    hosting: asset?.hosting ?? '',
    suppliers: asset?.suppliers.join('\n') ?? '',
    tags: asset?.tags.join(', ') ?? '',
    externalId: asset?.externalId ?? '',
  };
}

function list(text: string, separator: RegExp): string[] {
  return text.split(separator).map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** The body for PATCH (without organisationId) or POST (with it). */
export function assetBody(draft: AssetDraft, includeOrganisation: true): ApiBody<'POST /api/assets'>;
export function assetBody(draft: AssetDraft, includeOrganisation: false): ApiBody<'PATCH /api/assets/:id'>;
export function assetBody(draft: AssetDraft, includeOrganisation: boolean): ApiBody<'POST /api/assets'> | ApiBody<'PATCH /api/assets/:id'> {
  const body = {
    name: draft.name.trim(),
    type: draft.type,
    description: draft.description.trim(),
    informationsagare: draft.informationsagare.trim(),
    objektagare: draft.objektagare.trim(),
    objektledareUserId: draft.objektledareUserId === '' ? null : draft.objektledareUserId,
    hosting: draft.hosting === '' ? null : draft.hosting,
    suppliers: list(draft.suppliers, /\n/),
    tags: list(draft.tags, /,/),
    externalId: draft.externalId.trim() === '' ? null : draft.externalId.trim(),
  };
  return includeOrganisation ? { ...body, organisationId: draft.organisationId } : body;
}
