import { isValidPhoneNumber } from 'libphonenumber-js/max';

/**
 * Ten-digit French numbers as editors may type them in an answer: `0` (or `+33`) then nine digits, grouped or not
 * with spaces, dots or hyphens. Short numbers (17, 112, 3919…) are not phone-number shaped and are left alone.
 */
const LONG_NUMBER = /(?<![\d+])(?:\+33[\s.-]?|0[\s.-]?)[1-9](?:[\s.-]?\d){8}(?!\d)/g;

/**
 * How French numbers are written (Arcep's numbering plan, service-public.fr): five pairs « 01 40 07 60 60 », a free
 * or special-rate number as « 0 800 123 456 », or the international form « +33 1 40 07 60 60 ».
 */
const FRENCH_FORMATS = [/^0[1-9](?: \d{2}){4}$/, /^0 [89]\d{2} \d{3} \d{3}$/, /^\+33 [1-9](?: \d{2}){4}$/];

/** One phone number of an answer that is not written in the French format, with why, in French. */
export interface PhoneNumberProblem {
  number: string;
  message: string;
}

/**
 * The ten-digit phone numbers of an answer text that are not valid French numbers (libphonenumber-js metadata) or
 * not written the French way, so citizens read and dial them without error.
 * @returns one problem per such number, in order; empty when every number is fine.
 */
export function phoneNumberProblems(text: string): PhoneNumberProblem[] {
  return [...text.matchAll(LONG_NUMBER)].flatMap(([number]) => {
    if (!isValidPhoneNumber(number.replace(/[\s.-]/g, ''), 'FR')) {
      return [{ number, message: `le numéro « ${number} » n’est pas un numéro français valide : vérifiez les chiffres` }];
    }
    if (!FRENCH_FORMATS.some((format) => format.test(number))) {
      return [
        {
          number,
          message: `le numéro « ${number} » doit être écrit en groupes séparés par des espaces : 01 40 07 60 60, 0 800 123 456 (numéro vert) ou +33 1 40 07 60 60`,
        },
      ];
    }
    return [];
  });
}
