import { useState } from 'react';
import { sendJson } from '../api';
import type { Assessment, ProtocolInfo } from '../contract/api-types';
import { useLanguage } from '../i18n/LanguageProvider';

export function kilobytes(size: number): string {
  return `${Math.max(1, Math.round(size / 1024))} kB`;
}

/** The version a protocol prints and its file name carries: round, then the protocol's number within it ("1.1"). */
export function protocolVersion(round: number, version: number): string {
  return `${round}.${version}`;
}

export function protocolUrl(protocol: Pick<ProtocolInfo, 'assessmentId' | 'version'>): string {
  return `/api/assessments/${protocol.assessmentId}/protocols/${protocol.version}/protocol.pdf`;
}

/**
 * A decision whose seal failed: the decision holds, the protocol waits. Those allowed seal it here;
 * the protocol then carries the decision's own time. A download never produces it.
 */
function PendingProtocol({ assessmentId, canSeal, onSealed }: { assessmentId: string; canSeal: boolean; onSealed(): void }) {
  const { t } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const seal = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await sendJson<'POST /api/assessments/:id/protocol'>('POST', `/api/assessments/${assessmentId}/protocol`);
      onSealed();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice notice-warning" data-testid="protocol-pending">
      <p><strong>{t('protocols.pending')}</strong></p>
      <p>{t('protocols.pendingExplained')}</p>
      {canSeal && (
        <button type="button" className="primary" onClick={() => void seal()} disabled={busy} aria-busy={busy}>
          {busy ? t('protocols.sealing') : t('protocols.sealNow')}
        </button>
      )}
      {failed && <p role="alert">{t('protocols.sealFailed')}</p>}
    </div>
  );
}

/** The seal's proof of time, or that it is missing (the authority was down): those allowed may ask for it now, besides the automatic retry. */
function ProtocolTimestamp({ protocol, canSeal, onSealed }: { protocol: ProtocolInfo; canSeal: boolean; onSealed(): void }) {
  const { t, formatDate } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (protocol.timestamp) {
    return <span data-testid="protocol-timestamp">{t('protocols.timestamped', { date: formatDate(protocol.timestamp.time, true), authority: protocol.timestamp.authority })}</span>;
  }
  const retry = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const answer = await sendJson<'POST /api/assessments/:id/protocol'>('POST', `/api/assessments/${protocol.assessmentId}/protocol`);
      if (answer.timestamp) onSealed();
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <strong data-testid="protocol-timestamp-missing">{t('protocols.timestampMissing')}</strong>
      <br />
      <span className="muted">{t('protocols.timestampMissingExplained')}</span>
      {canSeal && (
        <>
          {' '}
          <button type="button" onClick={() => void retry()} disabled={busy} aria-busy={busy}>
            {busy ? t('protocols.timestamping') : t('protocols.timestampNow')}
          </button>
        </>
      )}
      {failed && <span role="alert"> {t('protocols.timestampFailed')}</span>}
    </>
  );
}

/** Every sealed version of an assessment's protocol, each a download; a decided one without a protocol shows it pending. */
export function ProtocolList({ assessment, protocols, timestamping, canSeal, onSealed }: { assessment: Pick<Assessment, 'id' | 'status' | 'kind' | 'round'>; protocols: readonly ProtocolInfo[]; timestamping: boolean; canSeal: boolean; onSealed(): void }) {
  const { t, formatDate } = useLanguage();
  if (protocols.length === 0) {
    if (assessment.status === 'faststalld') return <PendingProtocol assessmentId={assessment.id} canSeal={canSeal} onSealed={onSealed} />;
    return <p className="empty-state">{t('protocols.empty')}</p>;
  }
  return (
    <ul className="protocol-list" data-testid="protocol-list">
      {protocols.map((protocol) => (
        <li key={protocol.id}>
          <a href={protocolUrl(protocol)} download={protocol.fileName} data-testid="protocol-link">{t('protocols.version', { version: protocolVersion(assessment.round, protocol.version), size: kilobytes(protocol.size) })}</a>
          {' · '}{t('protocols.sealed', { date: formatDate(protocol.sealedAt, true) })}
          {protocol.developmentSeal && <> · <span className="muted">{t('protocols.developmentSeal')}</span></>}
          {/* Without a configured authority the seals are PAdES B-B by choice: nothing is missing. */}
          {(timestamping || protocol.timestamp) && <>{' · '}<ProtocolTimestamp protocol={protocol} canSeal={canSeal} onSealed={onSealed} /></>}
          <br />
          <span className="muted">{t('protocols.sha256')}: <span className="hash">{protocol.sha256}</span></span>
        </li>
      ))}
    </ul>
  );
}
