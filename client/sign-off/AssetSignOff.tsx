import { useState } from 'react';
import type { Assessment, Asset } from '../contract/api-types';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { useApi } from '../useApi';
import { kilobytes, protocolUrl, protocolVersion } from './ProtocolList';
import type { ProtocolInfo } from '../contract/api-types';
import { SignOffPanel } from './SignOffPanel';
import './sign-off.css';

interface AssetSignOffProps {
  asset: Asset;
  assessments: readonly Assessment[];
  /** An assessment changed here (sent back, fastställd): the page updates its list. */
  onChanged(updated: Assessment): void;
}

/**
 * The asset page's share of sign-off: a panel for each assessment waiting for review (kept after
 * an action here, so its outcome stays in view), and every sealed protocol of the asset.
 */
export function AssetSignOff({ asset, assessments, onChanged }: AssetSignOffProps) {
  const { t, formatDate } = useLanguage();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const protocols = useApi<'/api/assets/:assetId/protocols'>(`/api/assets/${asset.id}/protocols`);
  const inReview = assessments.filter((entry) => entry.status === 'for_granskning' || touched.has(entry.id));
  const change = (updated: Assessment) => {
    setTouched((current) => new Set(current).add(updated.id));
    onChanged(updated);
    if (updated.status === 'faststalld') protocols.retry();
  };
  const describe = (protocol: ProtocolInfo) => {
    const assessment = assessments.find((entry) => entry.id === protocol.assessmentId);
    const version = assessment ? protocolVersion(assessment.round, protocol.version) : String(protocol.version);
    const size = kilobytes(protocol.size);
    return assessment ? `${t('protocols.ofAssessment', { kind: t(`kind.${assessment.kind}`), round: assessment.round })} · ${t('protocols.version', { version, size })}` : t('protocols.version', { version, size });
  };
  return (
    <>
      {inReview.map((assessment) => (
        <SignOffPanel key={assessment.id} assessment={assessment} assetName={asset.name} title={`${t('signOff.awaitingReview')}: ${t(`kind.${assessment.kind}`)}`} onChanged={change} />
      ))}
      <section aria-labelledby="asset-protocols-heading" className="panel">
        <h2 id="asset-protocols-heading">{t('protocols.heading')}</h2>
        <LoadState state={protocols.state} retry={protocols.retry}>
          {({ protocols: list }) =>
            list.length === 0 ? (
              <p className="empty-state">{t('protocols.empty')}</p>
            ) : (
              <ul className="protocol-list" data-testid="asset-protocols">
                {list.map((protocol) => (
                  <li key={protocol.id}>
                    <a href={protocolUrl(protocol)} download={protocol.fileName}>{describe(protocol)}</a>
                    {' · '}{t('protocols.sealed', { date: formatDate(protocol.sealedAt, true) })}
                    {protocol.developmentSeal && <> · <span className="muted">{t('protocols.developmentSeal')}</span></>}
                  </li>
                ))}
              </ul>
            )
          }
        </LoadState>
      </section>
    </>
  );
}
