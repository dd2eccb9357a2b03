import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ServiceLinkDto, ValidityDto } from '../intents/intent-rule.dto';
import { LOCAL_DATE_PATTERN } from '../intents/local-date-time';

/** A time of day as editors write it, from "00:00" to "23:59". */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The end of a range: a time of day or "24:00" (midnight at the end of the day). */
export const END_OF_RANGE_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/*
 * class-validator runs a property's decorators bottom-up, and the loader stops at a property's first error, so
 * the most basic check of each property is written last (as in `intent-rule.dto.ts`).
 */

/**
 * One line of `opening_hours`: officers answer on `days` from `from` to `to` (local times of `time_zone`). Several
 * lines may name the same day (a lunch break is two lines). The loader checks the day names and that `to` comes
 * after `from`: a range never runs past midnight.
 */
export class OpeningHoursDto {
  @IsString({ each: true, message: 'chaque jour doit être un texte (monday, tuesday…)' })
  @ArrayMaxSize(7, { message: 'doit contenir au plus 7 jours' })
  @ArrayMinSize(1, { message: 'doit contenir au moins 1 jour' })
  @IsArray({ message: 'doit être une liste de jours (exemple : [monday, tuesday, wednesday, thursday, friday])' })
  @IsDefined({ message: 'est obligatoire : la liste des jours (exemple : [monday, tuesday, wednesday, thursday, friday])' })
  days: string[];

  @Matches(TIME_OF_DAY_PATTERN, { message: 'doit être une heure "HH:MM" de "00:00" à "23:59", entre guillemets (exemple : "08:00")' })
  @IsString({ message: 'doit être une heure "HH:MM", entre guillemets (exemple : "08:00")' })
  @IsDefined({ message: 'est obligatoire : l’heure d’ouverture, entre guillemets (exemple : "08:00")' })
  from: string;

  @Matches(END_OF_RANGE_PATTERN, { message: 'doit être une heure "HH:MM" de "00:01" à "24:00", entre guillemets (exemple : "20:00")' })
  @IsString({ message: 'doit être une heure "HH:MM", entre guillemets (exemple : "20:00")' })
  @IsDefined({ message: 'est obligatoire : l’heure de fermeture, entre guillemets (exemple : "20:00")' })
  to: string;
}

/** An exceptional closure: nobody answers on that whole local day, whatever `opening_hours` say. */
export class ClosureDto {
  @Matches(LOCAL_DATE_PATTERN, { message: 'doit être une date "AAAA-MM-JJ", entre guillemets (exemple : "2026-12-25")' })
  @IsString({ message: 'doit être une date "AAAA-MM-JJ", entre guillemets (exemple : "2026-12-25")' })
  @IsDefined({ message: 'est obligatoire : la date, entre guillemets (exemple : "2026-12-25")' })
  date: string;

  @IsOptional()
  @MaxLength(80, { message: 'doit faire au plus 80 caractères' })
  @MinLength(2, { message: 'doit faire au moins 2 caractères' })
  @IsString({ message: 'doit être un texte' })
  label?: string;
}

/**
 * A pinned message shown when a chat opens, while its period (`valid_from` / `valid_until`, local date-times of
 * `time_zone`, both optional) runs. Links are https only, as in the intents.
 */
export class AnnouncementDto extends ValidityDto {
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'doit être en minuscules sans accents ni espaces, avec des _ (exemple : greve_transports)' })
  @IsString({ message: 'doit être un texte' })
  @IsDefined({ message: 'est obligatoire : un identifiant unique (exemple : greve_transports)' })
  id: string;

  @MaxLength(80, { message: 'doit faire au plus 80 caractères' })
  @MinLength(3, { message: 'doit faire au moins 3 caractères' })
  @IsString({ message: 'doit être un texte' })
  @IsDefined({ message: 'est obligatoire : le titre affiché en gras' })
  title: string;

  @MaxLength(600, { message: 'doit faire au plus 600 caractères' })
  @MinLength(10, { message: 'doit faire au moins 10 caractères' })
  @IsString({ message: 'doit être un texte' })
  @IsDefined({ message: 'est obligatoire : le texte de l’annonce' })
  text: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ServiceLinkDto)
  @ArrayMaxSize(3, { message: 'doit contenir au plus 3 liens' })
  @IsArray({ message: 'doit être une liste de liens (title, url)' })
  links?: ServiceLinkDto[];
}

/**
 * A section of the citizen page's orientation menu (« Je suis victime », « Je veux signaler », « Je m'informe »):
 * a title and 1 to 8 links to official services (https only, as in the intents), shown while its period
 * (`valid_from` / `valid_until`, local date-times of `time_zone`, both optional) runs.
 */
export class OrientationSectionDto extends ValidityDto {
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'doit être en minuscules sans accents ni espaces, avec des _ (exemple : victime)' })
  @IsString({ message: 'doit être un texte' })
  @IsDefined({ message: 'est obligatoire : un identifiant unique (exemple : victime)' })
  id: string;

  @MaxLength(60, { message: 'doit faire au plus 60 caractères' })
  @MinLength(3, { message: 'doit faire au moins 3 caractères' })
  @IsString({ message: 'doit être un texte' })
  @IsDefined({ message: 'est obligatoire : le titre de la rubrique (exemple : Je suis victime)' })
  title: string;

  @ValidateNested({ each: true })
  @Type(() => ServiceLinkDto)
  @ArrayMaxSize(8, { message: 'doit contenir au plus 8 liens' })
  @ArrayMinSize(1, { message: 'doit contenir au moins 1 lien (title, url)' })
  @IsArray({ message: 'doit être une liste de liens (title, url)' })
  @IsDefined({ message: 'est obligatoire : 1 à 8 liens vers les services officiels (title, url)' })
  links: ServiceLinkDto[];
}

/**
 * `intents/settings.yaml`, as editors write it; every field is optional (see `DEFAULT_BUSINESS_SETTINGS`). The
 * annotated schema is in `intents/README.md`.
 */
export class BusinessSettingsDto {
  @IsOptional()
  @IsString({ message: 'doit être un nom de fuseau horaire IANA (exemple : Europe/Paris)' })
  time_zone?: string;

  /** true: officers answer 24 h/24, 7 j/7 (closures still apply); then `opening_hours` must be absent. */
  @IsOptional()
  @IsBoolean({ message: 'doit valoir true ou false' })
  always_open?: boolean;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursDto)
  @ArrayMaxSize(50, { message: 'doit contenir au plus 50 plages' })
  @ArrayMinSize(1, { message: 'doit contenir au moins 1 plage (days, from, to), ou supprimez opening_hours' })
  @IsArray({ message: 'doit être une liste de plages (days, from, to)' })
  opening_hours?: OpeningHoursDto[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ClosureDto)
  @ArrayMaxSize(366, { message: 'doit contenir au plus 366 fermetures' })
  @IsArray({ message: 'doit être une liste de fermetures (date, label)' })
  closures?: ClosureDto[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AnnouncementDto)
  @ArrayMaxSize(10, { message: 'doit contenir au plus 10 annonces' })
  @IsArray({ message: 'doit être une liste d’annonces (id, title, text, links, valid_from, valid_until)' })
  announcements?: AnnouncementDto[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => OrientationSectionDto)
  @ArrayMaxSize(6, { message: 'doit contenir au plus 6 rubriques' })
  @IsArray({ message: 'doit être une liste de rubriques (id, title, links, valid_from, valid_until)' })
  orientation?: OrientationSectionDto[];
}
