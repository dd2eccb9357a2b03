import type { Announcement, OrientationSection } from '../contracts/socket-events';
import type { Validity } from '../intents/intent-catalog';
import { DEFAULT_TIME_ZONE } from '../intents/local-date-time';

/** Days of the week as editors write them in `settings.yaml`, Monday first (ISO 8601 order). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Minutes in a day: the end of a range that runs to midnight (`"24:00"`). */
export const MINUTES_PER_DAY = 1440;

/** A time range of one day, in minutes since local midnight: from `fromMinutes` (included) to `toMinutes` (excluded, at most 1440). */
export interface OpeningRange {
  readonly fromMinutes: number;
  readonly toMinutes: number;
}

/** An announcement and the period it is shown in. */
export interface ScheduledAnnouncement {
  readonly announcement: Readonly<Announcement>;
  readonly validity: Validity;
}

/** A section of the citizen page's orientation menu and the period it is shown in. */
export interface ScheduledOrientationSection {
  readonly section: Readonly<OrientationSection>;
  readonly validity: Validity;
}

/**
 * The validated content of `intents/settings.yaml`, frozen: when officers answer in the chat, the pinned
 * announcements and the orientation menu. Every local time is read in `timeZone`, never in the host's.
 */
export interface BusinessSettings {
  /** IANA time zone name, e.g. `Europe/Paris`. */
  readonly timeZone: string;
  /** Opening ranges of each weekday, index 0 = Monday … 6 = Sunday; sorted, merged, never overlapping; empty = closed. */
  readonly weeklyHours: readonly (readonly OpeningRange[])[];
  /** Exceptional closures: local date `YYYY-MM-DD` → the editor's label (undefined without one). The whole day is closed. */
  readonly closures: ReadonlyMap<string, string | undefined>;
  /** In the file's order. */
  readonly announcements: readonly ScheduledAnnouncement[];
  /** The orientation menu's sections (« Je suis victime »…), in the file's order. */
  readonly orientation: readonly ScheduledOrientationSection[];
}

/** The default opening range: 08:00 to 20:00. */
const EIGHT_TO_EIGHT: OpeningRange = Object.freeze({ fromMinutes: 8 * 60, toMinutes: 20 * 60 });

/**
 * The settings without `settings.yaml` (and the defaults of its absent fields): officers answer every day from
 * 8 h to 20 h, Europe/Paris time, no closure, no announcement, no orientation menu.
 */
export const DEFAULT_BUSINESS_SETTINGS: BusinessSettings = Object.freeze({
  timeZone: DEFAULT_TIME_ZONE,
  weeklyHours: Object.freeze(WEEKDAYS.map(() => Object.freeze([EIGHT_TO_EIGHT]))),
  closures: new Map<string, string | undefined>(),
  announcements: Object.freeze([]),
  orientation: Object.freeze([]),
});
