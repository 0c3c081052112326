import type { uiSv } from './ui-sv';

/** English strings for the workshop layout, read-only views and API errors. */
export const uiEn: Record<keyof typeof uiSv, string> = {
  'apiError.bad_request': 'The data could not be accepted. Check it and try again.',
  'apiError.invalid_json': 'The data could not be accepted. Reload the page and try again.',
  'apiError.validation_failed': 'Some of the data is not valid. Check the marked fields.',
  'apiError.unauthorized': 'You are no longer logged in. Log in again.',
  'apiError.invalid_credentials': 'Wrong e-mail address or password.',
  'apiError.csrf_failed': 'The session has expired. Reload the page and try again.',
  'apiError.forbidden': 'You are not allowed to do this.',
  'apiError.not_found': 'What you are looking for does not exist, or has been removed.',
  'apiError.conflict': 'Not possible right now: someone changed the data, or it already exists. Reload the page and try again.',
  'apiError.payload_too_large': 'The file or data is too large.',
  'apiError.unsupported_media_type': 'This file type is not supported.',
  'apiError.rate_limited': 'Too many attempts. Wait a while and try again.',
  'apiError.internal': 'Something went wrong on the server. Try again in a while.',
  'apiError.network': 'The server could not be reached. Check the connection and try again.',
  'apiError.unknown': 'Something went wrong. Try again.',
  'apiError.fieldInvalid': 'The value was not accepted. Check it.',
  'denied.heading': 'You are not allowed here',
  'denied.text': 'Your role in the organisation does not allow this. Ask the information security coordinator or the administrator for a role if you need one.',
  'denied.back': 'To the information assets',
  'workshop.readOnly': 'You can read this assessment but not change it.',
  'asset.continueClassification': 'Continue the classification',
  'action.asset.updated_from_protocol': 'The details now follow the fastställd protocol',
  'workshop.answerRejected': '{question}: the answer was not accepted.',
};
