import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LOCAL_DATE_TIME_PATTERN } from './local-date-time';

/** What a matched intent does: answer from the rule, alert (danger now), or hand the chat to an officer. */
export const INTENT_OUTCOMES = ['answer', 'emergency', 'handoff'] as const;
export type IntentOutcome = (typeof INTENT_OUTCOMES)[number];

/** A link to the official service that handles the citizen's need. */
export class ServiceLinkDto {
  @MaxLength(120, { message: 'doit faire au plus 120 caractères' })
  @MinLength(3, { message: 'doit faire au moins 3 caractères' })
  @IsString({ message: 'doit être un texte' })
  title: string;

  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_valid_protocol: true },
    { message: 'doit être une adresse web complète en https:// (exemple : https://www.masecurite.interieur.gouv.fr)' },
  )
  url: string;
}

/** The bot's reply for an intent: French text and its links. */
export class IntentAnswerDto {
  @MaxLength(1500, { message: 'doit faire au plus 1 500 caractères' })
  @MinLength(10, { message: 'doit faire au moins 10 caractères' })
  @IsString({ message: 'doit être un texte' })
  text: string;

  @IsDefined({ message: 'est obligatoire (une liste de liens, éventuellement vide : [])' })
  @ValidateNested({ each: true })
  @Type(() => ServiceLinkDto)
  @ArrayMaxSize(6, { message: 'doit contenir au plus 6 liens' })
  @IsArray({ message: 'doit être une liste de liens (title, url)' })
  links: ServiceLinkDto[];
}

/**
 * A combination of word groups: it counts as one rule hit when every group has at least one of its words or
 * phrases in the message (« frappe » or « couteau » … together with « maintenant » or « en ce moment » …).
 */
export class CombinationDto {
  @MaxLength(80, { message: 'doit faire au plus 80 caractères' })
  @MinLength(3, { message: 'doit faire au moins 3 caractères' })
  @IsString({ message: 'doit être un texte' })
  name: string;

  @IsArray({ each: true, message: 'chaque groupe doit être une liste de mots ou expressions' })
  @ArrayMaxSize(4, { message: 'doit contenir au plus 4 groupes' })
  @ArrayMinSize(2, { message: 'doit contenir au moins 2 groupes' })
  @IsArray({ message: 'doit être une liste de groupes de mots (2 à 4)' })
  all: string[][];
}

/** The reply in English, for clearly English messages; its links default to the French answer's. */
export class IntentEnglishAnswerDto {
  @MaxLength(1500, { message: 'doit faire au plus 1 500 caractères' })
  @MinLength(10, { message: 'doit faire au moins 10 caractères' })
  @IsString({ message: 'doit être un texte' })
  text: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ServiceLinkDto)
  @ArrayMaxSize(6, { message: 'doit contenir au plus 6 liens' })
  @IsArray({ message: 'doit être une liste de liens (title, url)' })
  links?: ServiceLinkDto[];
}

/** What an editor's test may expect besides an intent id: the outcome of the decision, `clarify` included. */
export const TEST_EXPECTED_OUTCOMES = ['emergency', 'handoff', 'clarify', 'answer'] as const;

/**
 * A sentence and what the chat must decide for it, run by `npm run intents:check`: `expect` is an intent id (the
 * citizen gets that intent's answer) or an outcome of `TEST_EXPECTED_OUTCOMES`. Whether the id exists is checked
 * by `intents:check`, which sees the whole catalog.
 */
export class IntentTestDto {
  @MaxLength(300, { message: 'doit faire au plus 300 caractères' })
  @MinLength(2, { message: 'doit faire au moins 2 caractères' })
  @IsString({ message: 'doit être un texte (mettez-le entre guillemets)' })
  @IsDefined({ message: 'est obligatoire : la phrase à tester' })
  text: string;

  @Matches(/^[a-z][a-z0-9_]{1,49}$/, {
    message: `doit être l’id d’une intention (exemple : fraud) ou une issue : ${TEST_EXPECTED_OUTCOMES.join(', ')}`,
  })
  @IsString({ message: 'doit être un texte' })
  @IsDefined({ message: `est obligatoire : l’id de l’intention attendue ou une issue (${TEST_EXPECTED_OUTCOMES.join(', ')})` })
  expect: string;
}

const LOCAL_DATE_TIME_MESSAGE = 'doit être une date et une heure "AAAA-MM-JJ HH:MM", entre guillemets (exemple : "2026-12-01 00:00")';

/**
 * A validity period, as editors write it: local date-times of the service's time zone (`time_zone` of
 * `settings.yaml`, Europe/Paris by default), `valid_from` included, `valid_until` excluded; both optional. The
 * loader checks that each date exists and that `valid_until` comes after `valid_from`.
 */
export class ValidityDto {
  @IsOptional()
  @Matches(LOCAL_DATE_TIME_PATTERN, { message: LOCAL_DATE_TIME_MESSAGE })
  @IsString({ message: LOCAL_DATE_TIME_MESSAGE })
  valid_from?: string;

  @IsOptional()
  @Matches(LOCAL_DATE_TIME_PATTERN, { message: LOCAL_DATE_TIME_MESSAGE })
  @IsString({ message: LOCAL_DATE_TIME_MESSAGE })
  valid_until?: string;
}

/**
 * An answer for a period (`variants:` of an intent): while it is in force it replaces the intent's `answer` (and
 * `answer_en`). A variant needs `valid_from`, `valid_until` or both; the loader checks it.
 */
export class IntentVariantDto extends ValidityDto {
  @IsDefined({ message: 'est obligatoire (text et links)' })
  @ValidateNested()
  @Type(() => IntentAnswerDto)
  @IsObject({ message: 'doit contenir text et links' })
  answer: IntentAnswerDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => IntentEnglishAnswerDto)
  @IsObject({ message: 'doit contenir text (et links si besoin)' })
  answer_en?: IntentEnglishAnswerDto;
}

/**
 * class-validator runs a property's decorators bottom-up, and the loader stops at a property's first error, so
 * the most basic check of each property is written last.
 */

/**
 * One intent file of `intents/*.yaml`, as editors write it. Limits: 10 to 200 examples, 1 to 200 keywords, at
 * most 100 tests, at most 10 answer variants; see `intents/README.md` for the annotated schema. `valid_from` and
 * `valid_until` (from `ValidityDto`) limit when the intent is in force.
 */
export class IntentRuleDto extends ValidityDto {
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, {
    message: 'doit être en minuscules sans accents ni espaces, avec des _ (exemple : lost_property)',
  })
  @IsString({ message: 'doit être un texte' })
  id: string;

  @MaxLength(80, { message: 'doit faire au plus 80 caractères' })
  @MinLength(3, { message: 'doit faire au moins 3 caractères' })
  @IsString({ message: 'doit être un texte' })
  title: string;

  @IsOptional()
  @IsIn(INTENT_OUTCOMES, { message: `doit valoir ${INTENT_OUTCOMES.join(', ')}` })
  outcome?: IntentOutcome;

  /** Greetings and thanks: chosen only when no other intent reaches the threshold. */
  @IsOptional()
  @IsBoolean({ message: 'doit valoir true ou false' })
  small_talk?: boolean;

  @MaxLength(60, { each: true, message: 'chaque mot-clé doit faire au plus 60 caractères' })
  @MinLength(2, { each: true, message: 'chaque mot-clé doit faire au moins 2 caractères' })
  @IsString({ each: true, message: 'chaque mot-clé doit être un texte (mettez-le entre guillemets)' })
  @ArrayMaxSize(200, { message: 'doit contenir au plus 200 mots-clés' })
  @ArrayMinSize(1, { message: 'doit contenir au moins 1 mot-clé' })
  @IsArray({ message: 'doit être une liste de mots ou expressions' })
  keywords: string[];

  @IsOptional()
  @MaxLength(400, { each: true, message: 'chaque motif doit faire au plus 400 caractères' })
  @IsString({ each: true, message: 'chaque motif doit être un texte (mettez-le entre guillemets)' })
  @ArrayMaxSize(50, { message: 'doit contenir au plus 50 motifs' })
  @IsArray({ message: 'doit être une liste d’expressions régulières' })
  patterns?: string[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CombinationDto)
  @ArrayMaxSize(30, { message: 'doit contenir au plus 30 combinaisons' })
  @IsArray({ message: 'doit être une liste de combinaisons (name, all)' })
  combinations?: CombinationDto[];

  @IsOptional()
  @MaxLength(60, { each: true, message: 'chaque exclusion doit faire au plus 60 caractères' })
  @MinLength(2, { each: true, message: 'chaque exclusion doit faire au moins 2 caractères' })
  @IsString({ each: true, message: 'chaque exclusion doit être un texte (mettez-le entre guillemets)' })
  @ArrayMaxSize(100, { message: 'doit contenir au plus 100 exclusions' })
  @IsArray({ message: 'doit être une liste de mots ou expressions' })
  exclusions?: string[];

  @MaxLength(300, { each: true, message: 'chaque exemple doit faire au plus 300 caractères' })
  @MinLength(2, { each: true, message: 'chaque exemple doit faire au moins 2 caractères' })
  @IsString({ each: true, message: 'chaque exemple doit être un texte (mettez-le entre guillemets)' })
  @ArrayMaxSize(200, { message: 'doit contenir au plus 200 exemples' })
  @ArrayMinSize(10, { message: 'doit contenir au moins 10 exemples' })
  @IsArray({ message: 'doit être une liste de phrases' })
  examples: string[];

  @IsDefined({ message: 'est obligatoire (text et links)' })
  @ValidateNested()
  @Type(() => IntentAnswerDto)
  @IsObject({ message: 'doit contenir text et links' })
  answer: IntentAnswerDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => IntentEnglishAnswerDto)
  @IsObject({ message: 'doit contenir text (et links si besoin)' })
  answer_en?: IntentEnglishAnswerDto;

  /** Answers for given periods; the first one in force replaces `answer`. */
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => IntentVariantDto)
  @ArrayMaxSize(10, { message: 'doit contenir au plus 10 variantes' })
  @ArrayMinSize(1, { message: 'doit contenir au moins 1 variante (ou supprimez variants)' })
  @IsArray({ message: 'doit être une liste de variantes (answer, valid_from, valid_until)' })
  variants?: IntentVariantDto[];

  /** Editors' tests, run by `npm run intents:check` only: the chat never reads them. */
  @IsOptional()
  @ValidateNested({ each: true, message: 'chaque test doit contenir text et expect' })
  @Type(() => IntentTestDto)
  @ArrayMaxSize(100, { message: 'doit contenir au plus 100 tests' })
  @IsArray({ message: 'doit être une liste de tests (text, expect)' })
  tests?: IntentTestDto[];
}
