import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { OFFICER_ROLES, type OfficerRole } from '../contracts/socket-events';

/** An officer account as stored: only an argon2id hash of the password, never the password. */
export interface OfficerAccount {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** What the account may do; an account stored before roles existed is an officer only. */
  roles?: OfficerRole[];
  /** Concurrent chats the officer may hold; absent: `DEFAULT_OFFICER_CAPACITY`. */
  capacity?: number;
  /** ISO 8601 date of creation. */
  createdAt: string;
}

/** Thrown by `OfficerAccountStore.create` and `updatePassword` for a username taken, malformed or unknown. */
export class OfficerAccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = OfficerAccountError.name;
  }
}

/** Bounds of an officer's capacity (concurrent chats). */
export const MIN_OFFICER_CAPACITY = 1;
export const MAX_OFFICER_CAPACITY = 20;

/** Usernames: 3 to 32 lower-case letters, digits, dots, hyphens or underscores. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;

/**
 * Officer accounts in `<dataDir>/officers.json` (mode 0600, in a git-ignored folder). Used by the service and by
 * the `officer:add` command, so it has no Nest dependency. Writes replace the file atomically (write + rename).
 */
export class OfficerAccountStore {
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'officers.json');
  }

  /** All accounts; an empty list when the file does not exist yet. */
  list(): OfficerAccount[] {
    return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as OfficerAccount[]) : [];
  }

  findByUsername(username: string): OfficerAccount | undefined {
    return this.list().find((account) => account.username === username);
  }

  /**
   * Creates an account with a random 20-character password, hashed with argon2id (@node-rs/argon2 defaults:
   * 19 MiB, 2 passes, the OWASP minimum).
   * @returns the account and the clear password, which the caller shows once and never stores.
   * @param roles what the account may do (default: officer only).
   * @param capacity concurrent chats (1 to 20); absent: the service's `DEFAULT_OFFICER_CAPACITY`.
   * @throws OfficerAccountError when the username is malformed or already taken, a role is unknown, or the
   *   capacity is out of bounds.
   */
  async create(
    username: string,
    displayName: string,
    roles: OfficerRole[] = ['officer'],
    capacity?: number,
  ): Promise<{ account: OfficerAccount; password: string }> {
    if (capacity !== undefined && !(Number.isInteger(capacity) && capacity >= MIN_OFFICER_CAPACITY && capacity <= MAX_OFFICER_CAPACITY)) {
      throw new OfficerAccountError(`capacity must be a whole number from ${MIN_OFFICER_CAPACITY} to ${MAX_OFFICER_CAPACITY}`);
    }
    if (!USERNAME_PATTERN.test(username)) {
      throw new OfficerAccountError('username must be 3 to 32 characters: a-z, 0-9, dot, hyphen, underscore');
    }
    if (roles.length === 0 || roles.some((role) => !OFFICER_ROLES.includes(role))) {
      throw new OfficerAccountError(`roles must be some of: ${OFFICER_ROLES.join(', ')}`);
    }
    const accounts = this.list();
    if (accounts.some((account) => account.username === username)) {
      throw new OfficerAccountError(`username ${username} is already taken`);
    }
    const password = randomBytes(15).toString('base64url');
    const account: OfficerAccount = {
      id: randomUUID(),
      username,
      displayName: displayName.trim() || username,
      passwordHash: await hash(password),
      roles: [...new Set(roles)],
      ...(capacity === undefined ? {} : { capacity }),
      createdAt: new Date().toISOString(),
    };
    this.write([...accounts, account]);
    return { account, password };
  }

  /**
   * Replaces the password hash of `username` with `passwordHash`, an argon2id hash the caller computed (PHC string
   * `$argon2id$…`), and rewrites the file atomically like `create`.
   * @throws OfficerAccountError when no account has that username or the hash is not an argon2id one.
   */
  updatePassword(username: string, passwordHash: string): void {
    if (!passwordHash.startsWith('$argon2id$')) {
      throw new OfficerAccountError('password hash must be an argon2id hash');
    }
    const accounts = this.list();
    if (!accounts.some((account) => account.username === username)) {
      throw new OfficerAccountError(`no account is named ${username}`);
    }
    this.write(accounts.map((account) => (account.username === username ? { ...account, passwordHash } : account)));
  }

  private write(accounts: OfficerAccount[]): void {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.file);
  }
}
