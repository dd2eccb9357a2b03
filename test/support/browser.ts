import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`); playwright-core never downloads a browser of its own here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launch flags from shared/TOOLCHAIN.md (« Browser tests »). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PROJECT_ROOT = join(__dirname, '..', '..');

/** The built pages the service serves; `npm test` builds them before jest runs. */
const BUILT_PAGES = [
  { file: join(PROJECT_ROOT, 'web', 'dist', 'index.html'), script: 'npm run build:web' },
  { file: join(PROJECT_ROOT, 'agent-ui', 'dist', 'index.html'), script: 'npm run build:agent-ui' },
];

/** Throws, naming the npm script to run, when the citizen page or the officer console has not been built. */
export function assertWebAppsBuilt(): void {
  const missing = BUILT_PAGES.filter(({ file }) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Browser tests need the built web apps; missing ${missing.map(({ file }) => file).join(', ')}: ` +
        `run ${missing.map(({ script }) => script).join(' and ')} (npm test builds both before jest).`,
    );
  }
}

/**
 * Launches headless Debian chromium with the flags above.
 * @throws Error naming the apt package when /usr/bin/chromium is missing.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests need Debian's chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** An axe-core rule the page breaks, with the number of elements concerned. */
export interface AccessibilityViolation {
  id: string;
  impact: string;
  nodes: number;
}

/**
 * Runs axe-core with its default rules (WCAG 2.x A and AA, best practices) on the page as it is now.
 * @returns the serious and critical violations, by rule id; an empty list when there are none.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  // Only violations are needed: skipping the details of passed and incomplete checks makes the scan faster.
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact ?? 'unknown', nodes: violation.nodes.length }));
}

/**
 * Records the page's uncaught exceptions and `console.error` lines from now on.
 * @returns the list, filled as they happen (one `pageerror: …` or `console.error: …` line each).
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(`console.error: ${message.text()}`);
    }
  });
  return errors;
}
