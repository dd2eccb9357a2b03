import { findPhoneNumbersInText } from 'libphonenumber-js/max';

/** Replaces a phone number in a suggestion. */
export const PHONE_MASK = '[téléphone]';
/** Replaces an e-mail address in a suggestion. */
export const EMAIL_MASK = '[e-mail]';

/**
 * E-mail addresses as people type them (local part, `@`, dotted domain); deliberately broad, since a false mask costs
 * nothing in an example sentence.
 */
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Masks the phone numbers (any number libphonenumber-js finds in the text, French numbering by default: « 06 12 34
 * 56 78 », « +33 6 12 34 56 78 », « 0612345678 ») and e-mail addresses of a sentence an officer suggests, so
 * that no citizen's contact details reach the editors' list.
 * @returns the text with each number replaced by `[téléphone]` and each address by `[e-mail]`.
 */
export function maskContactDetails(text: string): string {
  const withoutEmails = text.replace(EMAIL_PATTERN, EMAIL_MASK);
  const phones = findPhoneNumbersInText(withoutEmails, { defaultCountry: 'FR' });
  let masked = '';
  let cursor = 0;
  for (const phone of phones) {
    masked += withoutEmails.slice(cursor, phone.startsAt) + PHONE_MASK;
    cursor = phone.endsAt;
  }
  return masked + withoutEmails.slice(cursor);
}
