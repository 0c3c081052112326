import { useLanguage } from '../i18n/LanguageProvider';
import type { SignerTrust, VerifiedSignature } from '../contract/api-types';
import { YesNo } from './YesNo';

/** Trust in words with a shape, never colour alone: only this seal or a configured anchor reads as yes. */
function TrustText({ trust }: { trust: SignerTrust }) {
  const { t } = useLanguage();
  if (trust.kind === 'unknown') return <span className="check-warning"><span aria-hidden="true">⚠ </span>{t('verify.trust.unknown')}</span>;
  const text = trust.kind === 'trust-anchor' ? t('verify.trust.trust-anchor', { anchor: trust.anchor ?? '' }) : t('verify.trust.this-installation');
  return <span className="check-yes"><span aria-hidden="true">✓ </span>{text}</span>;
}

/** Every signature and timestamp in the file, each with its own signer, trust, revision and problems. */
export function SignatureList({ signatures, revisions }: { signatures: VerifiedSignature[]; revisions: number }) {
  const { t, formatDate } = useLanguage();
  if (signatures.length === 0) return null;
  return (
    <>
      <h3>{t('verify.signatures')}</h3>
      <ol className="signature-list" data-testid="signatures">
        {signatures.map((signature) => (
          <li key={signature.number} data-testid="signature" data-trust={signature.trust.kind}>
            <h4>{t(signature.kind === 'timestamp' ? 'verify.timestampHeading' : 'verify.signatureHeading', { number: signature.number, count: signatures.length })}</h4>
            <dl className="details">
              <dt>{t('verify.signer')}</dt><dd>{signature.certificate?.subject ?? '–'}</dd>
              <dt>{t('verify.trust')}</dt><dd data-testid="signature-trust"><TrustText trust={signature.trust} /></dd>
              <dt>{t('verify.signatureValid')}</dt><dd><YesNo value={signature.cryptographicallyValid} /></dd>
              <dt>{t('verify.revision')}</dt>
              <dd>{signature.revision === null ? t('verify.revisionNone') : t('verify.revisionOf', { revision: signature.revision, count: revisions })}</dd>
              {signature.signingTime && <><dt>{t('verify.signingTime')}</dt><dd>{formatDate(signature.signingTime, true)}</dd></>}
            </dl>
            {signature.problems.length > 0 && (
              <ul lang="sv">
                {signature.problems.map((problem) => <li key={problem}>{problem}</li>)}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
