import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The shipped intent folder of the project. */
export const SHIPPED_INTENTS = join(__dirname, '..', '..', 'intents');

/**
 * For the enclosing `describe`: a temporary copy of the shipped intents whose `settings.yaml` is `settings()`
 * (hours, announcements, orientation a test is about), made before all its tests and removed after them.
 * @returns a getter of the folder's path, for `INTENTS_DIR` (valid once the `beforeAll` has run).
 */
export function useIntentsWithSettings(settings: () => string): () => string {
  let folder: string | undefined;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'intents-settings-'));
    cpSync(SHIPPED_INTENTS, folder, { recursive: true });
    writeFileSync(join(folder, 'settings.yaml'), settings());
  });
  afterAll(() => {
    if (folder !== undefined) {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  return () => {
    if (folder === undefined) {
      throw new Error('the intents folder exists only once the describe block’s beforeAll has run');
    }
    return folder;
  };
}
