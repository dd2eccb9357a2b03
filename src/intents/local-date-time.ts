import { DateTime } from 'luxon';

/** The service's time zone (IANA name) when `settings.yaml` names none: opening hours and every editor's date. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** A local date and time as editors write it, 24-hour clock: "2026-12-01 00:00". */
export const LOCAL_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** A calendar date as editors write it: "2026-12-25". */
export const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant of a local date and time of `timeZone`, computed with luxon from the time zone's own rules (never
 * the host's).
 *
 * @param text a date and time matching `LOCAL_DATE_TIME_PATTERN`.
 * @param timeZone an IANA time zone name, e.g. `Europe/Paris`.
 * @returns milliseconds since the epoch, or a French `problem` for a date that is not in the calendar
 *   (« 2026-02-30 10:00 », « 2026-05-01 24:00 ») or a time the clocks skip when they go forward (« 2026-03-29 02:30 »
 *   in Paris). A time that happens twice when the clocks go back gets luxon's choice of the two.
 */
export function parseLocalDateTime(text: string, timeZone: string): { at: number } | { problem: string } {
  const parsed = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: timeZone });
  if (!parsed.isValid) {
    return { problem: `« ${text} » n’existe pas : vérifiez le jour, le mois et l’heure (de 00:00 à 23:59)` };
  }
  // luxon moves a skipped time forward (02:30 becomes 03:30): the written time then differs from the instant's.
  if (parsed.toFormat('yyyy-MM-dd HH:mm') !== text) {
    const nextValid = parsed.startOf('hour').toFormat('yyyy-MM-dd HH:mm');
    return { problem: `« ${text} » n’existe pas à l’${timeZoneLabel(timeZone, 'fr')} (les horloges avancent d’une heure cette nuit-là) : écrivez "${nextValid}"` };
  }
  return { at: parsed.toMillis() };
}

/** Whether `text` (matching `LOCAL_DATE_PATTERN`) is a day of the calendar: « 2026-02-30 » is not. */
export function isCalendarDate(text: string): boolean {
  return DateTime.fromFormat(text, 'yyyy-MM-dd', { zone: 'UTC' }).isValid;
}

/**
 * How citizens read a time zone: « heure de Paris », « heure d’Abidjan », « heure UTC » in French; « Paris time »,
 * « UTC time » in English. The city is the last part of the IANA name, underscores read as spaces.
 */
export function timeZoneLabel(timeZone: string, language: 'fr' | 'en'): string {
  const city = timeZone.slice(timeZone.lastIndexOf('/') + 1).replace(/_/g, ' ');
  if (language === 'en') {
    return `${city} time`;
  }
  if (!timeZone.includes('/')) {
    return `heure ${city}`;
  }
  return /^[AEIOUYÉÈ]/i.test(city) ? `heure d’${city}` : `heure de ${city}`;
}
