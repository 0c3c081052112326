/**
 * Swedish strings for the workshop layout, read-only views and API errors (issue 14); spread into
 * messages-sv.ts. An API error is shown by its code, never by the server's own (English) message.
 */
export const uiSv = {
  'apiError.bad_request': 'Uppgifterna kunde inte tas emot. Kontrollera dem och försök igen.',
  'apiError.invalid_json': 'Uppgifterna kunde inte tas emot. Ladda om sidan och försök igen.',
  'apiError.validation_failed': 'Några uppgifter är inte giltiga. Kontrollera de markerade fälten.',
  'apiError.unauthorized': 'Du är inte inloggad längre. Logga in igen.',
  'apiError.invalid_credentials': 'Fel e-postadress eller lösenord.',
  'apiError.csrf_failed': 'Sessionen har gått ut. Ladda om sidan och försök igen.',
  'apiError.forbidden': 'Du har inte behörighet att göra det här.',
  'apiError.not_found': 'Det du söker finns inte, eller så har det tagits bort.',
  'apiError.conflict': 'Det gick inte just nu: någon har ändrat uppgifterna, eller så finns det redan. Ladda om sidan och försök igen.',
  'apiError.payload_too_large': 'Filen eller uppgifterna är för stora.',
  'apiError.unsupported_media_type': 'Filtypen stöds inte.',
  'apiError.rate_limited': 'För många försök. Vänta en stund och försök igen.',
  'apiError.internal': 'Något gick fel på servern. Försök igen om en stund.',
  'apiError.principles_to_correct': 'Beslutet kan inte godkänna behandlingen medan någon princip är bedömd som Att korrigera.',
  'apiError.separation_of_duties': 'Den som skickade bedömningen för granskning eller markerade den som klar kan inte själv fatta beslutet.',
  'apiError.seal_unavailable': 'Sigillet kan inte användas just nu. Beslutet gäller; protokollet förseglas när sigillet fungerar igen.',
  'apiError.protocol_pending': 'Protokollet väntar på försegling och kan inte hämtas ännu.',
  'apiError.network': 'Servern gick inte att nå. Kontrollera anslutningen och försök igen.',
  'apiError.unknown': 'Något gick fel. Försök igen.',
  'apiError.fieldInvalid': 'Värdet godtogs inte. Kontrollera det.',
  'denied.heading': 'Du har inte behörighet',
  'denied.text': 'Din roll i organisationen tillåter inte att du gör det här. Be informationssäkerhetssamordnaren eller administratören om en roll om du behöver det.',
  'denied.back': 'Till informationstillgångarna',
  'workshop.readOnly': 'Du kan läsa bedömningen men inte ändra den.',
  'asset.continueClassification': 'Fortsätt klassningen',
  'action.asset.updated_from_protocol': 'Uppgifterna följer det fastställda protokollet',
  'workshop.answerRejected': '{question}: svaret godtogs inte.',
} satisfies Record<string, string>;
