import { resolve } from 'node:path';
import { plainToInstance, Transform, Type } from 'class-transformer';
import type { RoutingMode } from '../contracts/socket-events';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

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

  /**
   * How long an officer who dropped (closed the console, lost the network) keeps their chats, in seconds; after
   * it they go back to the head of the queue. Default 120.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  OFFICER_RECONNECT_GRACE_SECONDS?: number;

  /**
   * How long a citizen's conversation survives with no socket open (reload, phone in the background, network
   * drop), in seconds; the same conversation, place in the queue or officer is found again within it. Default 120.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  CITIZEN_RECONNECT_GRACE_SECONDS?: number;

  /**
   * Longest wait in the queue before the citizen is offered the links again and the choice to keep waiting, in
   * seconds (scenario S-07). Default 900 (15 minutes).
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(86_400)
  MAX_QUEUE_WAIT_SECONDS?: number;

  /** How waiting chats reach officers: `pick` (officers take from the queue) or `auto` (least-loaded available officer). Default `pick`. */
  @IsOptional()
  @IsIn(['pick', 'auto'], { message: 'ROUTING_MODE must be pick or auto' })
  ROUTING_MODE?: RoutingMode;

  /** Concurrent chats of an officer whose account sets no capacity. Default 3. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  DEFAULT_OFFICER_CAPACITY?: number;

  /** When set, `GET /metrics` needs `Authorization: Bearer <METRICS_TOKEN>` (sensitive: never logged). Default: open. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(512)
  METRICS_TOKEN?: string;

  /**
   * OpenID Connect issuer (`https://…`, e.g. a Keycloak realm or ProConnect) for officer sign-in through an
   * identity provider. Unset (default): officers sign in with the local accounts only.
   */
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'OIDC_ISSUER must be an http(s) URL' })
  OIDC_ISSUER?: string;

  /** Client id registered at the OIDC issuer. Required with `OIDC_ISSUER`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  OIDC_CLIENT_ID?: string;

  /** Client secret registered at the OIDC issuer (sensitive: never logged). Required with `OIDC_ISSUER`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  OIDC_CLIENT_SECRET?: string;

  /**
   * Public base URL of this service as the identity provider redirects to it (`https://chat.example.fr`); the
   * callback is `<OIDC_REDIRECT_BASE_URL>/api/v1/auth/oidc/callback`. Required with `OIDC_ISSUER`.
   */
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'OIDC_REDIRECT_BASE_URL must be an http(s) URL' })
  OIDC_REDIRECT_BASE_URL?: string;

  /** ID token claim holding the officer's roles (a list of `officer`, `supervisor`, `editor`). Default `roles`. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'OIDC_ROLES_CLAIM must be a claim name' })
  OIDC_ROLES_CLAIM?: string;

  /** Messages one citizen socket may send per `CITIZEN_SOCKET_WINDOW_SECONDS`. Default 10. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  CITIZEN_MESSAGES_PER_SOCKET?: number;

  /** Window of `CITIZEN_MESSAGES_PER_SOCKET`, in seconds. Default 10. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3_600)
  CITIZEN_SOCKET_WINDOW_SECONDS?: number;

  /** Messages all citizen sockets of one IP address may send per `CITIZEN_IP_WINDOW_SECONDS`. Default 60. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  CITIZEN_MESSAGES_PER_IP?: number;

  /** Window of `CITIZEN_MESSAGES_PER_IP`, in seconds. Default 60. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  CITIZEN_IP_WINDOW_SECONDS?: number;

  /** Citizen conversations one IP address may have open at the same time. Default 5. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAX_CONVERSATIONS_PER_IP?: number;

  /**
   * `true` when one reverse proxy in front of the service appends the client's address to `X-Forwarded-For`: the
   * last entry of that header is then the client's address. Default `false`: the TCP peer's address.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY?: boolean;

  /**
   * Other origins (`scheme://host[:port]`, comma-separated) allowed to open sockets and to call the HTTP API from a
   * browser (CORS). Default empty: same origin only, no CORS header.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((origin) => origin.trim()).filter((origin) => origin.length > 0) : value,
  )
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'], require_tld: false },
    { each: true, message: 'ALLOWED_ORIGINS must be comma-separated http(s)://host[:port] origins' },
  )
  @Matches(/^https?:\/\/[^/\s?#]+$/, { each: true, message: 'ALLOWED_ORIGINS must be comma-separated http(s)://host[:port] origins' })
  ALLOWED_ORIGINS?: string[];

  /** Officer sign-in attempts one IP address may make per minute. Default 30. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE?: number;

  /** Failed sign-ins of one username, within `LOGIN_LOCKOUT_MINUTES`, that lock it. Default 5. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  LOGIN_MAX_FAILURES?: number;

  /** How long a username stays locked after `LOGIN_MAX_FAILURES` failures, in minutes. Default 15. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_440)
  LOGIN_LOCKOUT_MINUTES?: number;

  /**
   * Redis (`redis://[user:password@]host:port[/db]`) that joins several instances: socket.io's Redis adapter carries
   * every room broadcast to the sockets of all instances, and edges call the core through it. Only publish/subscribe
   * is used: nothing is stored in Redis. Unset (default): one instance, no Redis.
   */
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['redis', 'rediss'], require_tld: false }, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /**
   * `core` (default): this instance holds the conversations, the queue and officer presence, in its memory. `edge`:
   * it serves sockets and pages and hands every conversation event to the core over `REDIS_URL` (required).
   */
  @IsOptional()
  @IsIn(['core', 'edge'], { message: 'INSTANCE_ROLE must be core or edge' })
  INSTANCE_ROLE?: InstanceRole;

  /**
   * Prefix of the Redis channels of one deployment (letters, digits, `-`), so that two deployments sharing a Redis
   * never hear each other. Default `police-chat`.
   */
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'CLUSTER_PREFIX must be 1 to 40 lowercase letters, digits or -' })
  CLUSTER_PREFIX?: string;
}

/** Role of an instance: the one `core` holds the state; any number of `edge`s serve sockets and pages. */
export type InstanceRole = 'core' | 'edge';

/** How this instance joins the others (see `REDIS_URL`, `INSTANCE_ROLE`, `CLUSTER_PREFIX`). */
export interface ClusterSettings {
  redisUrl: string;
  role: InstanceRole;
  /** Prefix of every Redis channel of the deployment. */
  prefix: string;
}

/** OpenID Connect settings of officer sign-in (see `OIDC_*` in `EnvDto`). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Without a trailing slash. */
  redirectBaseUrl: string;
  rolesClaim: string;
}

/** A fixed-window limit: at most `points` actions per `durationSeconds`. */
export interface RateLimit {
  points: number;
  durationSeconds: number;
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
  readonly officerReconnectGraceMs: number;
  readonly citizenReconnectGraceMs: number;
  readonly maxQueueWaitMs: number;
  readonly routingMode: RoutingMode;
  readonly defaultOfficerCapacity: number;
  readonly metricsToken: string | undefined;
  /** OpenID Connect sign-in for officers; undefined when `OIDC_ISSUER` is not set. */
  readonly oidc: OidcSettings | undefined;
  /** Per-socket citizen message limit: `points` messages per `durationSeconds`. */
  readonly citizenSocketMessageLimit: RateLimit;
  /** Per-IP citizen message limit: `points` messages per `durationSeconds`, all sockets of the address together. */
  readonly citizenIpMessageLimit: RateLimit;
  readonly maxConversationsPerIp: number;
  readonly trustProxy: boolean;
  /** Origins allowed besides the service's own (`scheme://host[:port]`); empty for same origin only. */
  readonly allowedOrigins: readonly string[];
  readonly loginAttemptsPerIpPerMinute: number;
  readonly loginMaxFailures: number;
  readonly loginLockoutMinutes: number;
  /** Several instances joined over Redis; undefined for a single instance (no `REDIS_URL`). */
  readonly cluster: ClusterSettings | undefined;
  /** `core` unless `INSTANCE_ROLE=edge`: whether this instance holds the conversations. */
  readonly isCore: boolean;

  private constructor(env: EnvDto) {
    this.port = env.PORT ?? 3000;
    this.intentsDir = resolve(env.INTENTS_DIR ?? resolve(PROJECT_ROOT, 'intents'));
    this.dataDir = resolve(env.DATA_DIR ?? resolve(PROJECT_ROOT, 'data'));
    this.confidenceThreshold = env.TRIAGE_CONFIDENCE_THRESHOLD ?? 0.4;
    this.jwtSecret = env.JWT_SECRET;
    this.officerTokenTtlSeconds = env.OFFICER_TOKEN_TTL_SECONDS ?? 28_800;
    this.officerReconnectGraceMs = (env.OFFICER_RECONNECT_GRACE_SECONDS ?? 120) * 1000;
    this.citizenReconnectGraceMs = (env.CITIZEN_RECONNECT_GRACE_SECONDS ?? 120) * 1000;
    this.maxQueueWaitMs = (env.MAX_QUEUE_WAIT_SECONDS ?? 900) * 1000;
    this.routingMode = env.ROUTING_MODE ?? 'pick';
    this.defaultOfficerCapacity = env.DEFAULT_OFFICER_CAPACITY ?? 3;
    this.metricsToken = env.METRICS_TOKEN;
    this.oidc =
      env.OIDC_ISSUER === undefined
        ? undefined
        : {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID ?? '',
            clientSecret: env.OIDC_CLIENT_SECRET ?? '',
            redirectBaseUrl: (env.OIDC_REDIRECT_BASE_URL ?? '').replace(/\/+$/, ''),
            rolesClaim: env.OIDC_ROLES_CLAIM ?? 'roles',
          };
    this.citizenSocketMessageLimit = { points: env.CITIZEN_MESSAGES_PER_SOCKET ?? 10, durationSeconds: env.CITIZEN_SOCKET_WINDOW_SECONDS ?? 10 };
    this.citizenIpMessageLimit = { points: env.CITIZEN_MESSAGES_PER_IP ?? 60, durationSeconds: env.CITIZEN_IP_WINDOW_SECONDS ?? 60 };
    this.maxConversationsPerIp = env.MAX_CONVERSATIONS_PER_IP ?? 5;
    this.trustProxy = env.TRUST_PROXY ?? false;
    this.allowedOrigins = (env.ALLOWED_ORIGINS ?? []).map((origin) => new URL(origin).origin);
    this.loginAttemptsPerIpPerMinute = env.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE ?? 30;
    this.loginMaxFailures = env.LOGIN_MAX_FAILURES ?? 5;
    this.loginLockoutMinutes = env.LOGIN_LOCKOUT_MINUTES ?? 15;
    this.cluster =
      env.REDIS_URL === undefined ? undefined : { redisUrl: env.REDIS_URL, role: env.INSTANCE_ROLE ?? 'core', prefix: env.CLUSTER_PREFIX ?? 'police-chat' };
    this.isCore = (env.INSTANCE_ROLE ?? 'core') === 'core';
  }

  /**
   * Validates the known variables of `env` (others are ignored).
   * @throws InvalidEnvironmentError naming every invalid variable and the rule it breaks.
   */
  static fromEnv(env: Record<string, string | undefined>): AppConfig {
    const dto = plainToInstance(EnvDto, env, { excludeExtraneousValues: false });
    const errors = validateSync(dto, { skipMissingProperties: false, forbidUnknownValues: false });
    // Each rule's message already names the variable (« PORT must not be greater than 65535 »).
    const problems = errors.flatMap((error) => {
      const messages = [...new Set(Object.values(error.constraints ?? {}))];
      return messages.length > 0 ? messages : [`${error.property} is invalid`];
    });
    if (dto.OIDC_ISSUER !== undefined) {
      for (const required of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_BASE_URL'] as const) {
        if (dto[required] === undefined) {
          problems.push(`${required}: required when OIDC_ISSUER is set`);
        }
      }
    }
    if (dto.INSTANCE_ROLE === 'edge' && dto.REDIS_URL === undefined) {
      problems.push('REDIS_URL: required when INSTANCE_ROLE is edge (an edge reaches the core through Redis)');
    }
    if (dto.REDIS_URL !== undefined && dto.JWT_SECRET === undefined) {
      problems.push('JWT_SECRET: required when REDIS_URL is set (a session signed by one instance must be valid on all)');
    }
    if (problems.length > 0) {
      throw new InvalidEnvironmentError(problems);
    }
    return new AppConfig(dto);
  }
}
