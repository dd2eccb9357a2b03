import { DateTime } from 'luxon';
import type { Announcement, OrientationSection } from '../contracts/socket-events';
import { isInForce } from '../intents/intent-catalog';
import { timeZoneLabel } from '../intents/local-date-time';
import { type BusinessSettings, MINUTES_PER_DAY, type OpeningRange } from './business-settings';

/** The languages the schedule's sentences are written in. */
export type ScheduleLanguage = 'fr' | 'en';

const FRENCH_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const ENGLISH_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Longest time a forward jump of the clocks can skip, in ms (an hour in France; never more than 3 anywhere). */
const MAX_CLOCK_JUMP_MS = 3 * 3_600_000;

/**
 * The instant, to the minute, at which the clocks jumped forward to `after`'s offset, `after` being less than
 * `MAX_CLOCK_JUMP_MS` past the jump (bisection on the offset).
 */
function forwardJumpBefore(after: DateTime): number {
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone: after.zone }).offset;
  let low = after.toMillis() - MAX_CLOCK_JUMP_MS;
  let high = after.toMillis();
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    [low, high] = offsetAt(middle) === after.offset ? [low, middle] : [middle, high];
  }
  return high;
}

/**
 * The instant a wall clock of the settings' time zone shows `minutes` after the local midnight that starts `day`
 * (1440: the next local midnight). A time the clocks skip when they go forward (02:30 in Paris on the last Sunday
 * of March) is reached when they jump: a range from 02:30 opens at the jump, as the wall clock passes 02:30 then.
 */
function instantOf(day: DateTime, minutes: number): number {
  if (minutes === MINUTES_PER_DAY) {
    return day.plus({ days: 1 }).toMillis();
  }
  const [hour, minute] = [Math.floor(minutes / 60), minutes % 60];
  const local = day.set({ hour, minute });
  // luxon moves a skipped time forward by the length of the jump: it then shows another time than asked.
  return local.hour === hour && local.minute === minute ? local.toMillis() : forwardJumpBefore(local);
}

/** The open intervals [start, end) of the local day that starts at `day`, in ms since the epoch; none on a closure. */
function openIntervalsOn(settings: BusinessSettings, day: DateTime): [number, number][] {
  if (settings.closures.has(day.toISODate() ?? '')) {
    return [];
  }
  return settings.weeklyHours[day.weekday - 1].map((range) => [instantOf(day, range.fromMinutes), instantOf(day, range.toMinutes)]);
}

/** The local midnight that starts the day of `at` in the settings' time zone. */
function dayOf(settings: BusinessSettings, at: number): DateTime {
  return DateTime.fromMillis(at, { zone: settings.timeZone }).startOf('day');
}

/**
 * Whether officers answer at `at` (ms since the epoch): the local time of `settings.timeZone` falls in an opening
 * range of its weekday and the day is not an exceptional closure. The host's time zone plays no part.
 */
export function isOpenAt(settings: BusinessSettings, at: number): boolean {
  return openIntervalsOn(settings, dayOf(settings, at)).some(([start, end]) => start <= at && at < end);
}

/**
 * The next instant after `at` when officers start answering again (ms since the epoch): the start of the next
 * opening range that does not merely continue an open period (a range to 24:00 followed by one from 00:00 is one
 * period). When open at `at`, the opening after the current period ends.
 *
 * @returns null when the service never closes (24/7 without a closure to come) or never opens again.
 */
export function nextOpeningAfter(settings: BusinessSettings, at: number): number | null {
  // Each closure takes out one day; a week without closure holds every weekday: one more week always suffices.
  const horizonDays = settings.closures.size + 9;
  let day = dayOf(settings, at).minus({ days: 1 });
  let openUntil = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < horizonDays; index++) {
    for (const [start, end] of openIntervalsOn(settings, day)) {
      if (start > at && start > openUntil) {
        return start;
      }
      openUntil = Math.max(openUntil, end);
    }
    day = day.plus({ days: 1 });
  }
  return null;
}

/** « 8 h », « 9 h 30 » (French typography); « 08:00 », « 09:30 » in English. */
function timeText(hour: number, minute: number, language: ScheduleLanguage): string {
  const minutes = String(minute).padStart(2, '0');
  if (language === 'en') {
    return `${String(hour).padStart(2, '0')}:${minutes}`;
  }
  return minute === 0 ? `${hour} h` : `${hour} h ${minutes}`;
}

/** The day of `when` as seen from `today`: « aujourd’hui », « demain », « lundi 2 mars », « jeudi 1er janvier 2026 ». */
function dayText(when: DateTime, today: DateTime, language: ScheduleLanguage): string {
  const daysAhead = Math.round(when.startOf('day').diff(today, 'days').days);
  if (daysAhead === 0) {
    return language === 'en' ? 'today' : 'aujourd’hui';
  }
  if (daysAhead === 1) {
    return language === 'en' ? 'tomorrow' : 'demain';
  }
  const year = when.year === today.year ? '' : ` ${when.year}`;
  if (language === 'en') {
    return `on ${ENGLISH_DAYS[when.weekday - 1]} ${when.day} ${when.setLocale('en').toFormat('LLLL')}${year}`;
  }
  return `${FRENCH_DAYS[when.weekday - 1]} ${when.day === 1 ? '1er' : when.day} ${when.setLocale('fr').toFormat('LLLL')}${year}`;
}

/**
 * The sentence a citizen handed off out of hours reads: when officers answer again, in the settings' time zone,
 * named (« Les policiers répondent de nouveau demain à partir de 8 h (heure de Paris). », « … lundi 2 mars à partir
 * de 9 h … »), after the label of today's exceptional closure when there is one (« Fermeture exceptionnelle :
 * Noël. »). Meant for `at` outside opening hours; when open, it names the opening after the current period.
 *
 * @param at ms since the epoch.
 * @param language 'fr' (citizens' default) or 'en' (clearly English messages).
 */
export function describeClosure(settings: BusinessSettings, at: number, language: ScheduleLanguage): string {
  const label = settings.closures.get(dayOf(settings, at).toISODate() ?? '');
  const closure = label === undefined ? '' : language === 'en' ? `Exceptional closure: ${label}. ` : `Fermeture exceptionnelle : ${label}. `;
  const next = nextOpeningAfter(settings, at);
  if (next === null) {
    return `${closure}${language === 'en' ? 'No police officer answers in this chat for the time being.' : 'Aucun policier ne répond dans ce chat pour le moment.'}`;
  }
  const when = DateTime.fromMillis(next, { zone: settings.timeZone });
  const day = dayText(when, dayOf(settings, at), language);
  const time = timeText(when.hour, when.minute, language);
  const zone = timeZoneLabel(settings.timeZone, language);
  return language === 'en'
    ? `${closure}Police officers answer again ${day} from ${time} (${zone}).`
    : `${closure}Les policiers répondent de nouveau ${day} à partir de ${time} (${zone}).`;
}

/** « de 9 h à 12 h et de 14 h à 18 h »; « from 09:00 to 12:00 and from 14:00 to 18:00 ». */
function rangesText(ranges: readonly OpeningRange[], language: ScheduleLanguage): string {
  const parts = ranges.map((range) => {
    const [from, to] = [range.fromMinutes, range.toMinutes].map((minutes) => timeText(Math.floor(minutes / 60), minutes % 60, language));
    return language === 'en' ? `from ${from} to ${to}` : `de ${from} à ${to}`;
  });
  const and = language === 'en' ? ' and ' : ' et ';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')}${and}${parts[parts.length - 1]}`;
}

/** « tous les jours », « le lundi », « le samedi et le dimanche », « du lundi au vendredi » (and English). */
function daysText(first: number, last: number, language: ScheduleLanguage): string {
  const days = language === 'en' ? ENGLISH_DAYS : FRENCH_DAYS;
  if (last - first === 6) {
    return language === 'en' ? 'every day' : 'tous les jours';
  }
  if (first === last) {
    return language === 'en' ? days[first] : `le ${days[first]}`;
  }
  if (last - first === 1) {
    return language === 'en' ? `${days[first]} and ${days[last]}` : `le ${days[first]} et le ${days[last]}`;
  }
  return language === 'en' ? `${days[first]} to ${days[last]}` : `du ${days[first]} au ${days[last]}`;
}

/**
 * The opening hours in one phrase, to put in a sentence: « tous les jours de 8 h à 20 h (heure de Paris) »,
 * « du lundi au vendredi de 9 h à 18 h, le samedi de 9 h à 12 h (heure de Paris) », « 24 h/24, 7 j/7 »; in English
 * « every day from 08:00 to 20:00 (Paris time) », « 24/7 ». Consecutive weekdays with the same ranges are grouped;
 * exceptional closures are not listed.
 */
export function hoursSummary(settings: BusinessSettings, language: ScheduleLanguage): string {
  const key = (ranges: readonly OpeningRange[]) => ranges.map((range) => `${range.fromMinutes}-${range.toMinutes}`).join(',');
  if (settings.weeklyHours.every((ranges) => key(ranges) === `0-${MINUTES_PER_DAY}`)) {
    return language === 'en' ? '24/7' : '24 h/24, 7 j/7';
  }
  const groups: { first: number; last: number; ranges: readonly OpeningRange[] }[] = [];
  settings.weeklyHours.forEach((ranges, day) => {
    const previous = groups[groups.length - 1];
    if (ranges.length === 0) {
      return;
    }
    if (previous && previous.last === day - 1 && key(previous.ranges) === key(ranges)) {
      previous.last = day;
    } else {
      groups.push({ first: day, last: day, ranges });
    }
  });
  if (groups.length === 0) {
    return language === 'en' ? 'no opening hours' : 'aucun horaire d’ouverture';
  }
  const phrases = groups.map((group) => `${daysText(group.first, group.last, language)} ${rangesText(group.ranges, language)}`);
  return `${phrases.join(', ')} (${timeZoneLabel(settings.timeZone, language)})`;
}

/**
 * The announcements to show when a chat opens at `at` (ms since the epoch): those whose period runs then
 * (`valid_from` included, `valid_until` excluded), in the file's order, as new objects the caller may send.
 */
export function activeAnnouncements(settings: BusinessSettings, at: number): Announcement[] {
  return settings.announcements
    .filter((scheduled) => isInForce(scheduled.validity, at))
    .map(({ announcement }) => ({ ...announcement, links: announcement.links.map((link) => ({ ...link })) }));
}

/**
 * The orientation menu of a chat that opens at `at` (ms since the epoch): the sections whose period runs then
 * (`valid_from` included, `valid_until` excluded), in the file's order, as new objects the caller may send.
 */
export function activeOrientation(settings: BusinessSettings, at: number): OrientationSection[] {
  return settings.orientation
    .filter((scheduled) => isInForce(scheduled.validity, at))
    .map(({ section }) => ({ ...section, links: section.links.map((link) => ({ ...link })) }));
}
