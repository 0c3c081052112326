import type { Assessment } from '../api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import type { ProtocolInfo } from './sign-off-types';

export function kilobytes(size: number): string {
  return `${Math.max(1, Math.round(size / 1024))} kB`;
}

export function protocolUrl(protocol: Pick<ProtocolInfo, 'assessmentId' | 'version'>): string {
  return `/api/assessments/${protocol.assessmentId}/protocols/${protocol.version}/protocol.pdf`;
}

/**
 * Every sealed version of an assessment's protocol, each a download. A fastställd assessment whose
 * seal has not been produced yet (it is made on the first download) offers that download instead.
 */
export function ProtocolList({ assessment, protocols }: { assessment: Pick<Assessment, 'id' | 'status' | 'kind'>; protocols: readonly ProtocolInfo[] }) {
  const { t, formatDate } = useLanguage();
  if (protocols.length === 0) {
    if (assessment.status === 'faststalld' && assessment.kind !== 'dpia-screening') {
      return <p><a href={`/api/assessments/${assessment.id}/protocol.pdf`} download data-testid="protocol-link">{t('protocols.produce')}</a></p>;
    }
    return <p className="empty-state">{t('protocols.empty')}</p>;
  }
  return (
    <ul className="protocol-list" data-testid="protocol-list">
      {protocols.map((protocol) => (
        <li key={protocol.id}>
          <a href={protocolUrl(protocol)} download={protocol.fileName} data-testid="protocol-link">{t('protocols.version', { version: protocol.version, size: kilobytes(protocol.size) })}</a>
          {' · '}{t('protocols.sealed', { date: formatDate(protocol.sealedAt, true) })}
          {protocol.developmentSeal && <> · <span className="muted">{t('protocols.developmentSeal')}</span></>}
          <br />
          <span className="muted">{t('protocols.sha256')}: <span className="hash">{protocol.sha256}</span></span>
        </li>
      ))}
    </ul>
  );
}
