/** The app's own strings; SurveyJS brings its own per locale (see client/survey/locale.ts). */
export const messages = {
  sv: {
    skipToContent: 'Hoppa till innehållet',
    productTagline: 'Informationsklassning och konsekvensbedömningar',
    language: 'Språk',
    switchLanguage: 'English',
    formsHeading: 'Formulär',
    formsIntro: 'Publicerade formulär. Välj ett för att öppna det.',
    formsEmpty: 'Det finns inga publicerade formulär.',
    loading: 'Laddar …',
    loadFailed: 'Det gick inte att hämta uppgifterna. Kontrollera anslutningen och försök igen.',
    retry: 'Försök igen',
    version: 'version',
    publishedAt: 'publicerad',
    backToForms: 'Tillbaka till formulären',
    answersHeading: 'Dina svar',
    answersEmpty: 'Inga frågor är besvarade än.',
    notFound: 'Sidan finns inte.',
  },
  en: {
    skipToContent: 'Skip to content',
    productTagline: 'Information classification and impact assessments',
    language: 'Language',
    switchLanguage: 'Svenska',
    formsHeading: 'Forms',
    formsIntro: 'Published forms. Choose one to open it.',
    formsEmpty: 'There are no published forms.',
    loading: 'Loading …',
    loadFailed: 'Could not load the data. Check the connection and try again.',
    retry: 'Try again',
    version: 'version',
    publishedAt: 'published',
    backToForms: 'Back to the forms',
    answersHeading: 'Your answers',
    answersEmpty: 'No question is answered yet.',
    notFound: 'The page does not exist.',
  },
} as const;

export type Language = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['sv'];
