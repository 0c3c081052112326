import { useLanguage } from '../i18n/LanguageProvider';
import type { MessageKey } from '../i18n/messages';
import { SignatureList } from './SignatureList';
import type { Verdict, Verification } from '../contract/api-types';
import { YesNo } from './YesNo';

/** Only "valid" gets the tick and the green; a valid signature by an unknown issuer is a warning. */
const verdictIcons: Record<Verdict, string> = { valid: '✓', untrusted: '⚠', modified: '✗', unsigned: '!', invalid: '✗' };

/** The verdict first and in words (never colour alone), then the seal, the protocol and the problems. */
export function VerificationResult({ fileName, result, expectedId }: { fileName: string; result: Verification; expectedId: string | null }) {
  const { t, formatDate, language } = useLanguage();
  const { certificate, protocol } = result;
  const kindKey = protocol ? (`kind.${protocol.kind}` as MessageKey) : null;
  return (
    <section aria-labelledby="verify-result-heading" className="panel verify-result" data-testid="verify-result" data-verdict={result.verdict}>
      <h2 id="verify-result-heading">{t('verify.resultHeading', { name: fileName })}</h2>
      <p className={`verdict verdict-${result.verdict}`} data-testid="verdict">
        <span aria-hidden="true" className="verdict-icon">{verdictIcons[result.verdict]}</span>
        <strong>{t(`verify.verdictShort.${result.verdict}`)}</strong>
        <span> — {t(`verify.verdict.${result.verdict}`)}</span>
      </p>
      {expectedId && (
        <p className={`notice ${protocol?.id === expectedId && protocol.documentIdMatches && protocol.storedRevisionIdentical ? 'notice-info' : 'notice-warning'}`} data-testid="expected-match">
          {protocol?.id === expectedId && protocol.documentIdMatches && protocol.storedRevisionIdentical ? t('verify.expectedMatch', { id: expectedId }) : t('verify.expectedMismatch', { id: expectedId })}
        </p>
      )}

      <h3>{t('verify.checks')}</h3>
      <dl className="details">
        <dt>{t('verify.cryptographicallyValid')}</dt><dd><YesNo value={result.cryptographicallyValid} /></dd>
        <dt>{t('verify.coversWholeFile')}</dt><dd><YesNo value={result.coversWholeFile} /></dd>
        <dt>{t('verify.thisInstallation')}</dt><dd data-testid="this-installation"><YesNo value={result.thisInstallationsSeal} /></dd>
        <dt>{t('verify.developmentSeal')}</dt><dd data-testid="development-seal"><YesNo value={result.developmentSeal} good={false} /></dd>
        {result.signingTime && <><dt>{t('verify.signingTime')}</dt><dd>{formatDate(result.signingTime, true)}</dd></>}
      </dl>

      <SignatureList signatures={result.signatures} revisions={result.revisions} />
      {result.updates.some((update) => update.parts.length > 0) && (
        <>
          <h3>{t('verify.updates')}</h3>
          <ul lang="sv" data-testid="updates">
            {result.updates.filter((update) => update.parts.length > 0).map((update) => (
              <li key={update.revision}>{t('verify.updateLine', { revision: update.revision, parts: update.parts.join(', ') })}</li>
            ))}
          </ul>
        </>
      )}

      {certificate && (
        <>
          <h3>{t('verify.certificate')}</h3>
          <dl className="details" data-testid="certificate">
            <dt>{t('verify.subject')}</dt><dd>{certificate.subject}</dd>
            <dt>{t('verify.issuer')}</dt><dd>{certificate.issuer}{certificate.selfSigned && <span className="muted"> ({t('verify.selfSigned')})</span>}</dd>
            <dt>{t('verify.validity')}</dt><dd>{t('verify.validityRange', { from: formatDate(certificate.validFrom), to: formatDate(certificate.validTo) })}</dd>
            <dt>{t('verify.fingerprint')}</dt><dd className="hash">{certificate.fingerprint}</dd>
          </dl>
        </>
      )}

      <h3>{t('verify.protocol')}</h3>
      {result.documentId ? (
        <p>{t('verify.printedDocumentId')}: <span className="hash" data-testid="printed-document-id">{result.documentId}</span></p>
      ) : (
        result.signed && <p>{t('verify.noPrintedDocumentId')}</p>
      )}
      {protocol ? (
        <dl className="details" data-testid="matched-protocol">
          <dt>{t('verify.documentKind')}</dt><dd>{t(`verify.documentType.${protocol.type}`)}</dd>
          <dt>{t('verify.asset')}</dt><dd>{protocol.assetName}</dd>
          <dt>{t('verify.assessment')}</dt><dd>{t('verify.kindRound', { kind: kindKey ? t(kindKey) : protocol.kind, round: protocol.round })}</dd>
          <dt>{protocol.version === null ? t('verify.signingTime') : t('verify.version')}</dt>
          <dd>{protocol.version === null ? formatDate(protocol.sealedAt, true) : <>{protocol.version} · {t('protocols.sealed', { date: formatDate(protocol.sealedAt, true) })}</>}</dd>
          <dt>{t('verify.documentId')}</dt><dd className="hash">{protocol.id}</dd>
          <dt>{t('verify.documentIdMatches')}</dt><dd><YesNo value={protocol.documentIdMatches} /></dd>
          <dt>{t('verify.identical')}</dt><dd data-testid="identical"><YesNo value={protocol.identical} /></dd>
          {!protocol.identical && <><dt>{t('verify.storedRevisionIdentical')}</dt><dd><YesNo value={protocol.storedRevisionIdentical} /></dd></>}
        </dl>
      ) : (
        <p>{t('verify.noProtocol')}</p>
      )}

      <h3>{t('verify.problems')}</h3>
      {result.problems.length === 0 ? (
        <p>{t('verify.noProblems')}</p>
      ) : (
        <>
          {language !== 'sv' && <p className="muted">{t('verify.problemsInSwedish')}</p>}
          <ul lang="sv" data-testid="problems">
            {result.problems.map((problem) => <li key={problem}>{problem}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}
