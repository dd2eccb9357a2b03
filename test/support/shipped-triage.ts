import { join } from 'node:path';
import { AppConfig } from '../../src/config/app-config';
import { loadIntentCatalog } from '../../src/intents/intent-loader';
import { TriageService } from '../../src/triage/triage.service';

/** Path of the project's own intents. */
export const SHIPPED_INTENTS = join(__dirname, '..', '..', 'intents');

/** A TriageService over the shipped intents with the default settings, without booting Nest. */
export function makeShippedTriage(): TriageService {
  const catalog = loadIntentCatalog(SHIPPED_INTENTS);
  return new TriageService({ current: () => catalog }, AppConfig.fromEnv({}));
}
