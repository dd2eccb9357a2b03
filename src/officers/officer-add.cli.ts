import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AppConfig } from '../config/app-config';
import type { OfficerRole } from '../contracts/socket-events';
import { OfficerAccountError, OfficerAccountStore } from './officer-account.store';

/**
 * `npm run officer:add -- --username <name> [--display-name "<name>"] [--roles officer,supervisor,editor]
 * [--capacity <1-20>]`: creates an officer account (roles default to officer, capacity to `DEFAULT_OFFICER_CAPACITY`)
 * and prints its random password once. Exit code 1 with a message when the username is malformed or taken.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, 'display-name': { type: 'string' }, roles: { type: 'string', default: 'officer' }, capacity: { type: 'string' } },
    strict: true,
  });
  if (!values.username) {
    process.stderr.write('Usage: npm run officer:add -- --username <name> [--display-name "<name>"] [--roles officer,supervisor,editor] [--capacity <1-20>]\n');
    process.exitCode = 1;
    return;
  }
  const config = AppConfig.fromEnv(process.env);
  const roles = values.roles.split(',').map((role) => role.trim()) as OfficerRole[];
  const capacity = values.capacity === undefined ? undefined : Number(values.capacity);
  const store = new OfficerAccountStore(config.dataDir);
  const { account, password } = await store.create(values.username, values['display-name'] ?? values.username, roles, capacity);
  process.stdout.write(
    `Officer account created.\n  username: ${account.username}\n  roles: ${roles.join(', ')}\n  capacity: ${account.capacity ?? config.defaultOfficerCapacity}\n  password: ${password}\n` +
      'The password is shown only now; only its argon2id hash is stored.\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof OfficerAccountError ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
