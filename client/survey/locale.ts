import { surveyLocalization } from 'survey-core';
import 'survey-core/i18n/swedish';

/**
 * SurveyJS's Swedish strings are partly machine-translated; these replace the wrong ones
 * ("Klar" for clear, "Annullera", "OKEJ", "Lastning...") with proper Swedish.
 */
const swedishCorrections: Record<string, string> = {
  clearCaption: 'Rensa',
  selectCaption: 'Välj',
  cancel: 'Avbryt',
  ok: 'OK',
  tagboxDoneButtonCaption: 'OK',
  loadingPage: 'Laddar …',
  loadingData: 'Laddar …',
  loadingFile: 'Laddar …',
  loadingSurvey: 'Formuläret laddas …',
  placeholder: 'Välj …',
  buttongroupOptionsCaption: 'Välj …',
  ratingOptionsCaption: 'Välj ett värde …',
  filterStringPlaceholder: 'Skriv för att söka …',
  emptyMessage: 'Det finns inga uppgifter',
  noEntriesReadonlyText: 'Det finns inga poster',
  refuseItemText: 'Vill inte svara',
  completingSurvey: 'Tack, formuläret är ifyllt.',
  completingSurveyBefore: 'Du har redan fyllt i det här formuläret.',
  emptySurvey: 'Formuläret har ingen synlig sida eller fråga.',
  commentText: 'Kommentar',
  requiredErrorInPanel: 'Besvara minst en fråga.',
  requiredInAllRowsError: 'Besvara frågan på varje rad.',
  minSelectError: 'Välj minst {0} alternativ.',
  maxSelectError: 'Välj högst {0} alternativ.',
  minRowCountError: 'Fyll i minst {0} rader.',
  invalidEmail: 'Ange en giltig e-postadress.',
  otherRequiredError: 'Beskriv ditt andra svar.',
  savingData: 'Sparar …',
  savingDataError: 'Det gick inte att spara.',
  savingDataSuccess: 'Sparat.',
  addPanel: 'Lägg till',
  hideDetails: 'Dölj detaljer',
  questionsProgressText: '{0} av {1} frågor besvarade',
  progressbar: 'Förlopp',
};

let applied = false;

export function applySurveyLocaleCorrections(): void {
  if (applied) return;
  const swedish = surveyLocalization.locales['sv'] as Record<string, string> | undefined;
  if (!swedish) throw new Error('SurveyJS Swedish locale is not loaded');
  Object.assign(swedish, swedishCorrections);
  applied = true;
}

export { swedishCorrections };
