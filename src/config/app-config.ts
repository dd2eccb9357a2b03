import { resolve } from 'node:path';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

/** Project root: `src/config/` and `dist/config/` both sit two levels below it. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/**
 * Environment variables the service reads, validated once at boot. Every variable is optional and has a
 * default, so `npm start` works on a fresh machine with no configuration.
 */
export class EnvDto {
  /** TCP port of the HTTP and socket.io server. Default 3000. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  /** Folder of the intent YAML files. Default `<project>/intents`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  INTENTS_DIR?: string;

  /** Folder for officer accounts (argon2 hashes only); git-ignored. Default `<project>/data`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  /** Below this confidence (0–1) a message is handed to an officer instead of answered. Default 0.4. */
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  TRIAGE_CONFIDENCE_THRESHOLD?: number;

  /**
   * Secret that signs officer tokens (sensitive: never logged). Default: a random secret made at each start,
   * so tokens do not survive a restart.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  @MaxLength(512)
  JWT_SECRET?: string;

  /** Lifetime of an officer token in seconds. Default 28 800 (an 8-hour shift). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  OFFICER_TOKEN_TTL_SECONDS?: number;
}

/** Thrown at boot when an environment variable is invalid; lists every bad variable, never its value. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = InvalidEnvironmentError.name;
  }
}

/** Typed, validated settings of the service. Build it with `AppConfig.fromEnv(process.env)`. */
export class AppConfig {
  readonly port: number;
  readonly intentsDir: string;
  readonly dataDir: string;
  readonly confidenceThreshold: number;
  readonly jwtSecret: string | undefined;
  readonly officerTokenTtlSeconds: number;

  private constructor(env: EnvDto) {
    this.port = env.PORT ?? 3000;
    this.intentsDir = resolve(env.INTENTS_DIR ?? resolve(PROJECT_ROOT, 'intents'));
    this.dataDir = resolve(env.DATA_DIR ?? resolve(PROJECT_ROOT, 'data'));
    this.confidenceThreshold = env.TRIAGE_CONFIDENCE_THRESHOLD ?? 0.4;
    this.jwtSecret = env.JWT_SECRET;
    this.officerTokenTtlSeconds = env.OFFICER_TOKEN_TTL_SECONDS ?? 28_800;
  }

  /**
   * Validates the known variables of `env` (others are ignored).
   * @throws InvalidEnvironmentError naming every invalid variable and the rule it breaks.
   */
  static fromEnv(env: Record<string, string | undefined>): AppConfig {
    const dto = plainToInstance(EnvDto, env, { excludeExtraneousValues: false });
    const errors = validateSync(dto, { skipMissingProperties: false, forbidUnknownValues: false });
    const problems = errors.map(
      (error) => `${error.property}: ${Object.keys(error.constraints ?? {}).join(', ') || 'invalid'}`,
    );
    if (problems.length > 0) {
      throw new InvalidEnvironmentError(problems);
    }
    return new AppConfig(dto);
  }
}
