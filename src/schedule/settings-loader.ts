import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IANAZone } from 'luxon';
import type { Announcement, OrientationSection, ServiceLink } from '../contracts/socket-events';
import type { IntentCatalog, Validity } from '../intents/intent-catalog';
import {
  inspectIntentFolder,
  IntentCatalogException,
  type IntentFileError,
  type IntentFolderInspection,
  parseYamlFile,
  type ProblemReporter,
  readValidity,
  SETTINGS_FILE,
  validateYamlDocument,
} from '../intents/intent-loader';
import type { ServiceLinkDto } from '../intents/intent-rule.dto';
import { DEFAULT_TIME_ZONE, isCalendarDate, LOCAL_DATE_PATTERN } from '../intents/local-date-time';
import { boundedEditDistance } from '../triage/edit-distance';
import {
  type BusinessSettings,
  DEFAULT_BUSINESS_SETTINGS,
  MINUTES_PER_DAY,
  type OpeningRange,
  type ScheduledAnnouncement,
  type ScheduledOrientationSection,
  WEEKDAYS,
} from './business-settings';
import {
  type AnnouncementDto,
  BusinessSettingsDto,
  END_OF_RANGE_PATTERN,
  type OpeningHoursDto,
  type OrientationSectionDto,
  TIME_OF_DAY_PATTERN,
} from './business-settings.dto';

/** What `inspectSettingsFile` found: the settings when the file is valid (or absent), every error otherwise. */
export interface SettingsInspection {
  settings?: BusinessSettings;
  errors: IntentFileError[];
}

/** French weekday names, Monday first: an editor who writes « lundi » is told to write « monday ». */
const FRENCH_WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** Minutes since midnight of a time "HH:MM" ("24:00" gives 1440). */
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The French message for a day name that is not one of `WEEKDAYS`, with the day meant when it can tell. */
function unknownDayMessage(day: string): string {
  const lower = day.toLowerCase();
  const french = FRENCH_WEEKDAYS.findIndex((name) => name === lower.normalize('NFD').replace(/\p{M}/gu, ''));
  const closest = french !== -1 ? WEEKDAYS[french] : WEEKDAYS.find((name) => boundedEditDistance(lower, name, 2) <= 2);
  return closest
    ? `jour inconnu « ${day} » : vouliez-vous dire « ${closest} » ?`
    : `jour inconnu « ${day} » : écrivez ${WEEKDAYS.slice(0, -1).join(', ')} ou ${WEEKDAYS[WEEKDAYS.length - 1]}`;
}

/** The French message for a time zone luxon does not know, with the closest IANA name when there is one. */
function unknownTimeZoneMessage(timeZone: string): string {
  const lower = timeZone.toLowerCase();
  const zones = Intl.supportedValuesOf('timeZone');
  const closest =
    zones.find((zone) => zone.toLowerCase().endsWith(`/${lower.replace(/ /g, '_')}`)) ??
    zones.find((zone) => boundedEditDistance(lower, zone.toLowerCase(), 2) <= 2);
  return closest
    ? `fuseau horaire inconnu « ${timeZone} » : vouliez-vous dire « ${closest} » ?`
    : `fuseau horaire inconnu « ${timeZone} » : écrivez un nom de la base IANA, comme Europe/Paris, America/Cayenne ou Indian/Reunion`;
}

/** The IANA time zone of the file, spelt as Intl spells it (`europe/paris` → `Europe/Paris`); undefined when invalid. */
function readTimeZone(dto: BusinessSettingsDto, report: ProblemReporter): string | undefined {
  if (dto.time_zone === undefined) {
    return DEFAULT_TIME_ZONE;
  }
  if (typeof dto.time_zone !== 'string') {
    return undefined;
  }
  if (!IANAZone.isValidZone(dto.time_zone)) {
    report(['time_zone'], unknownTimeZoneMessage(dto.time_zone));
    return undefined;
  }
  return new Intl.DateTimeFormat('en', { timeZone: dto.time_zone }).resolvedOptions().timeZone;
}

/** The range of one `opening_hours` line, or undefined when a time is invalid (reported by the DTO or here). */
function readRange(line: OpeningHoursDto, index: number, report: ProblemReporter): OpeningRange | undefined {
  if (typeof line.from !== 'string' || !TIME_OF_DAY_PATTERN.test(line.from) || typeof line.to !== 'string' || !END_OF_RANGE_PATTERN.test(line.to)) {
    return undefined;
  }
  const range = { fromMinutes: minutesOf(line.from), toMinutes: minutesOf(line.to) };
  if (range.toMinutes <= range.fromMinutes) {
    report(
      ['opening_hours', index, 'to'],
      `doit être après from (« ${line.from} ») : une plage ne passe pas minuit ; pour ouvrir de 22 h à 6 h, écrivez une plage jusqu’à "24:00" et une autre, le lendemain, à partir de "00:00"`,
    );
    return undefined;
  }
  return range;
}

/** The weekday indexes (0 = Monday) of one `opening_hours` line; unknown names are reported. */
function readDays(line: OpeningHoursDto, index: number, report: ProblemReporter): number[] {
  const days = Array.isArray(line.days) ? line.days : [];
  return days.flatMap((day, dayIndex) => {
    if (typeof day !== 'string') {
      return [];
    }
    const weekday = (WEEKDAYS as readonly string[]).indexOf(day);
    if (weekday === -1) {
      report(['opening_hours', index, 'days', dayIndex], unknownDayMessage(day));
      return [];
    }
    return [weekday];
  });
}

/** Sorted ranges with the overlapping or touching ones joined: 9–12 and 11–14 make 9–14. */
function mergeRanges(ranges: OpeningRange[]): readonly OpeningRange[] {
  const merged: OpeningRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.fromMinutes - b.fromMinutes)) {
    const last = merged[merged.length - 1];
    if (last && range.fromMinutes <= last.toMinutes) {
      merged[merged.length - 1] = { fromMinutes: last.fromMinutes, toMinutes: Math.max(last.toMinutes, range.toMinutes) };
    } else {
      merged.push(range);
    }
  }
  return Object.freeze(merged.map((range) => Object.freeze(range)));
}

/** The opening ranges of each weekday: 24/7, the file's lines, or the default 8–20 when it has none. */
function readOpeningHours(dto: BusinessSettingsDto, report: ProblemReporter): BusinessSettings['weeklyHours'] {
  if (dto.always_open === true) {
    if (dto.opening_hours !== undefined) {
      report(['always_open'], 'always_open: true ouvre 24 h/24, 7 j/7 : retirez opening_hours, ou mettez always_open: false');
    }
    return Object.freeze(WEEKDAYS.map(() => Object.freeze([Object.freeze({ fromMinutes: 0, toMinutes: MINUTES_PER_DAY })])));
  }
  if (!Array.isArray(dto.opening_hours)) {
    return DEFAULT_BUSINESS_SETTINGS.weeklyHours;
  }
  const perDay: OpeningRange[][] = WEEKDAYS.map(() => []);
  dto.opening_hours.forEach((line, index) => {
    if (typeof line !== 'object' || line === null) {
      return;
    }
    const range = readRange(line, index, report);
    const days = readDays(line, index, report);
    if (range) {
      days.forEach((day) => perDay[day].push(range));
    }
  });
  return Object.freeze(perDay.map(mergeRanges));
}

/** The closure dates and labels; dates not in the calendar and repeated dates are reported. */
function readClosures(dto: BusinessSettingsDto, report: ProblemReporter): Map<string, string | undefined> {
  const closures = new Map<string, string | undefined>();
  const firstIndex = new Map<string, number>();
  (Array.isArray(dto.closures) ? dto.closures : []).forEach((closure, index) => {
    if (typeof closure !== 'object' || closure === null || typeof closure.date !== 'string') {
      return;
    }
    const { date } = closure;
    if (!LOCAL_DATE_PATTERN.test(date)) {
      return;
    }
    const earlier = firstIndex.get(date);
    if (!isCalendarDate(date)) {
      report(['closures', index, 'date'], `« ${date} » n’existe pas : vérifiez le jour et le mois`);
    } else if (earlier !== undefined) {
      report(['closures', index, 'date'], `« ${date} » figure déjà dans closures[${earlier}] : une date ne figure qu’une fois`);
    } else {
      firstIndex.set(date, index);
      closures.set(date, typeof closure.label === 'string' ? closure.label.trim() : undefined);
    }
  });
  return closures;
}

/** The lists of `settings.yaml` whose items have an `id` and a period: the pinned announcements and the orientation menu. */
type ScheduledList = 'announcements' | 'orientation';

/** The end of the message for an id used twice in each list: what must be unique. */
const UNIQUE_ID_RULE: Record<ScheduledList, string> = {
  announcements: 'chaque annonce a son propre id',
  orientation: 'chaque rubrique a son propre id',
};

/**
 * The periods of the items of `list` (announcements or orientation sections), by index (undefined when invalid);
 * repeated ids are reported. The items themselves are built once the file has no error (`freezeAnnouncements`,
 * `freezeOrientation`).
 */
function readPeriods(dto: BusinessSettingsDto, list: ScheduledList, timeZone: string, report: ProblemReporter): (Validity | undefined)[] {
  // Not a list when the file says otherwise (already reported by the DTO's rules).
  const items: readonly (AnnouncementDto | OrientationSectionDto)[] | undefined = dto[list];
  const firstIndex = new Map<string, number>();
  return (Array.isArray(items) ? items : []).map((item, index) => {
    if (typeof item !== 'object' || item === null) {
      return undefined;
    }
    const earlier = typeof item.id === 'string' ? firstIndex.get(item.id) : undefined;
    if (earlier !== undefined) {
      report([list, index, 'id'], `l’id « ${item.id} » est déjà celui de ${list}[${earlier}] : ${UNIQUE_ID_RULE[list]}`);
    } else if (typeof item.id === 'string') {
      firstIndex.set(item.id, index);
    }
    return readValidity(item, [list, index], timeZone, report);
  });
}

/** Frozen copies of links checked by `ServiceLinkDto`, title and address only. */
function freezeLinks(links: readonly ServiceLinkDto[]): ServiceLink[] {
  const frozen = links.map((link) => Object.freeze({ title: link.title, url: link.url }));
  Object.freeze(frozen);
  return frozen;
}

/** The frozen announcements of a valid settings DTO, with the periods `readPeriods` read (one per announcement). */
function freezeAnnouncements(dto: BusinessSettingsDto, periods: Validity[]): readonly ScheduledAnnouncement[] {
  return Object.freeze(
    (dto.announcements ?? []).map((announcement, index) => {
      const frozen: Announcement = {
        id: announcement.id,
        title: announcement.title.trim(),
        text: announcement.text.trim(),
        links: freezeLinks(announcement.links ?? []),
      };
      return Object.freeze({ announcement: Object.freeze(frozen), validity: periods[index] });
    }),
  );
}

/** The frozen orientation sections of a valid settings DTO, with the periods `readPeriods` read (one per section). */
function freezeOrientation(dto: BusinessSettingsDto, periods: Validity[]): readonly ScheduledOrientationSection[] {
  return Object.freeze(
    (dto.orientation ?? []).map((section, index) => {
      const frozen: OrientationSection = { id: section.id, title: section.title.trim(), links: freezeLinks(section.links) };
      return Object.freeze({ section: Object.freeze(frozen), validity: periods[index] });
    }),
  );
}

/**
 * Reads `settings.yaml` of `directory` (opening hours, closures, announcements, orientation menu) as the intent
 * files are read: UTF-8 without byte-order mark, no tab indentation, no duplicate key, no unknown key (with the
 * closest allowed one), times and dates quoted (`"08:00"`, `"2026-12-25"`: YAML 1.1 tools read them as numbers
 * and dates), then the rules of `BusinessSettingsDto`, the day names, ranges that end after they start, dates of
 * the calendar, known IANA time zone, unique closure dates, unique ids of announcements and of orientation
 * sections, and their periods (local date-times of the file's `time_zone`). Never throws for the file's content.
 *
 * @returns the frozen settings (`DEFAULT_BUSINESS_SETTINGS` when the file is absent or empty, and for each absent
 *   field) when there is no error; otherwise every error (file `settings.yaml`, 1-based line and column, field,
 *   French message), sorted by position.
 * @throws the file-system error when the file exists but cannot be read.
 */
export function inspectSettingsFile(directory: string): SettingsInspection {
  if (!existsSync(join(directory, SETTINGS_FILE))) {
    return { settings: DEFAULT_BUSINESS_SETTINGS, errors: [] };
  }
  const { parsed, errors } = parseYamlFile(directory, SETTINGS_FILE);
  if (!parsed) {
    return { errors };
  }
  if (parsed.document.contents === null) {
    return errors.length > 0 ? { errors } : { settings: DEFAULT_BUSINESS_SETTINGS, errors };
  }
  const {
    dto,
    errors: fileErrors,
    report,
  } = validateYamlDocument(SETTINGS_FILE, parsed, BusinessSettingsDto, 'le fichier doit associer des clés à leurs valeurs (time_zone, opening_hours, closures, announcements, orientation)');
  if (!dto) {
    return { errors: [...errors, ...fileErrors] };
  }
  const timeZone = readTimeZone(dto, report);
  const weeklyHours = readOpeningHours(dto, report);
  const closures = readClosures(dto, report);
  const announcementPeriods = readPeriods(dto, 'announcements', timeZone ?? DEFAULT_TIME_ZONE, report);
  const orientationPeriods = readPeriods(dto, 'orientation', timeZone ?? DEFAULT_TIME_ZONE, report);
  errors.push(...fileErrors.sort((a, b) => a.line - b.line || a.column - b.column));
  if (errors.length > 0 || timeZone === undefined) {
    return { errors };
  }
  // Without any error, every announcement's and every section's period was read.
  const settings: BusinessSettings = Object.freeze({
    timeZone,
    weeklyHours,
    closures,
    announcements: freezeAnnouncements(dto, announcementPeriods as Validity[]),
    orientation: freezeOrientation(dto, orientationPeriods as Validity[]),
  });
  return { settings, errors };
}

/** What `inspectIntentFolderWithSettings` found: the catalog and the settings together, or every error of both. */
export interface IntentFolderWithSettings extends IntentFolderInspection {
  settings?: BusinessSettings;
}

/**
 * Inspects a whole intent folder as the service loads it: `settings.yaml` first (its `time_zone` is the one the
 * intents' `valid_from` / `valid_until` are read in; Europe/Paris while the file is invalid), then the intents and
 * the lexicon (`inspectIntentFolder`). Never throws for the files' content.
 *
 * @param now the load time, ms since the epoch, for the catalog's `loadedAt`.
 * @returns the catalog and the settings when both are valid; otherwise no catalog nor settings and every error of
 *   the intent files, then those of `settings.yaml`. `sentences` as `inspectIntentFolder` gives them.
 * @throws the file-system error when the folder cannot be read.
 */
export function inspectIntentFolderWithSettings(directory: string, now: () => number = Date.now): IntentFolderWithSettings {
  const { settings, errors: settingsErrors } = inspectSettingsFile(directory);
  const intents = inspectIntentFolder(directory, now, settings?.timeZone ?? DEFAULT_TIME_ZONE);
  const errors = [...intents.errors, ...settingsErrors];
  if (errors.length > 0 || !settings || !intents.catalog) {
    return { errors, sentences: intents.sentences };
  }
  return { catalog: intents.catalog, settings, errors, sentences: intents.sentences };
}

/**
 * Loads an intent folder and its settings as `inspectIntentFolderWithSettings` does.
 *
 * @returns the frozen catalog and settings.
 * @throws IntentCatalogException with every error of every file (file, line, column, field, French message).
 */
export function loadIntentsAndSettings(directory: string, now: () => number = Date.now): { catalog: IntentCatalog; settings: BusinessSettings } {
  const { catalog, settings, errors } = inspectIntentFolderWithSettings(directory, now);
  if (!catalog || !settings) {
    throw new IntentCatalogException(errors);
  }
  return { catalog, settings };
}
