import { useLanguage } from '../i18n/LanguageProvider';

/** Downloads for one asset (issue 9, part 5): its action plan, upphandlingskrav and Säkerhetsklass. */
export function ExportLinks({ assetId, decided }: { assetId: string; decided: boolean }) {
  const { t } = useLanguage();
  const base = `/api/assets/${assetId}`;
  return (
    <section aria-labelledby={`exports-${assetId}`} className="ov-exports">
      <h2 id={`exports-${assetId}`}>{t('ov.exports.heading')}</h2>
      <p className="ov-downloads">
        <a href={`${base}/plan.xlsx`} download>{t('ov.exports.planXlsx')}</a>
        <a href={`${base}/plan.csv`} download>{t('ov.exports.planCsv')}</a>
        {decided && (
          <>
            <a href={`${base}/upphandlingskrav.pdf`} download>{t('ov.exports.procurementPdf')}</a>
            <a href={`${base}/upphandlingskrav.xlsx`} download>{t('ov.exports.procurementXlsx')}</a>
            <a href={`${base}/sakerhetsklass.xlsx`} download>{t('ov.exports.sakerhetsklassXlsx')}</a>
            <a href={`${base}/sakerhetsklass.csv`} download>{t('ov.exports.sakerhetsklassCsv')}</a>
          </>
        )}
      </p>
      {!decided && <p className="muted">{t('ov.exports.needsDecision')}</p>}
    </section>
  );
}
