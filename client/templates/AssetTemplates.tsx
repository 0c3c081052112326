import type { Assessment, Asset, Organisation } from '../contract/api-types';
import { LoadState } from '../components/LoadState';
import { useSession } from '../session/SessionProvider';
import { useApi } from '../useApi';
import { AdoptionPanel } from './AdoptionPanel';
import { AdoptTemplateForm } from './AdoptTemplateForm';
import { PublishTemplateForm } from './PublishTemplateForm';

function isUnderCentral(organisations: readonly Organisation[], organisationId: string): boolean {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  for (let current = byId.get(organisationId); current; current = current.parentId ? byId.get(current.parentId) : undefined) if (current.isCentral) return true;
  return false;
}

/**
 * The asset page's part in normative classifications: the adoption it rests on (with any change to
 * review), an adopt action while it has none, and, in a central organisation, publishing its fastställd classification.
 */
export function AssetTemplates({ asset, assessments }: { asset: Asset; assessments: Assessment[] }) {
  const { hasRole } = useSession();
  const adoption = useApi<'/api/assets/:assetId/adoption'>(`/api/assets/${asset.id}/adoption`);
  const organisations = useApi<'/api/organisations'>('/api/organisations');
  const classifications = assessments.filter((entry) => entry.kind === 'classification');
  const open = classifications.some((entry) => entry.status !== 'faststalld');
  const decided = classifications.find((entry) => entry.status === 'faststalld');
  return (
    <LoadState state={adoption.state} retry={adoption.retry}>
      {({ adoption: view }) => (
        <>
          {view && <AdoptionPanel assetId={asset.id} view={view} onChanged={(next) => adoption.replace({ adoption: next })} />}
          {!view && !open && !asset.archivedAt && hasRole('admin', 'isam', 'objektledare') && <AdoptTemplateForm assetId={asset.id} />}
          {!view && decided && hasRole('admin', 'isam') && organisations.state.status === 'ready' && isUnderCentral(organisations.state.data.organisations, asset.organisationId) && (
            <PublishTemplateForm assessment={decided} defaultName={asset.name} />
          )}
        </>
      )}
    </LoadState>
  );
}
