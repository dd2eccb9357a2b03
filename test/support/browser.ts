import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
  type WebSocketRoute,
} from 'playwright-core';

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

/**
 * A citizen on a phone: 390×844 touch screen, French, Paris time (the transcript's times depend on the device's
 * time zone). Pass to `browser.newContext`.
 */
export const CITIZEN_PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
};

/** An officer at a desk: 1280×900 screen, French, Paris time. Pass to `browser.newContext`. */
export const OFFICER_DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
};

/** The messages of the citizen page, or of an officer's chat panel, written by `author` (their `data-author`). */
export function messagesBy(scope: Page | Locator, author: 'citizen' | 'bot' | 'officer' | 'system'): Locator {
  return scope.locator(`[data-testid="message"][data-author="${author}"]`);
}

/** Opens the officer console of `baseUrl` in `page` and resolves once its sign-in form is shown. */
export async function openSignInForm(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/agent/`);
  await page.getByTestId('login-username').waitFor();
}

/**
 * Signs `username` in with `password` through the console's form of `baseUrl`, in `page`, and resolves once the
 * console's socket is connected and the first roster has arrived (the load reads « n / m conversations »), so every
 * role-dependent control is rendered.
 * @throws playwright's TimeoutError naming the element it waited for when the sign-in fails.
 */
export async function signInConsole(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await openSignInForm(page, baseUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('officer-name').waitFor();
  await page.getByText('Connecté', { exact: true }).waitFor();
  // An officer's console is ready once the roster gave their load; a supervisor- or editor-only one, once its view shows.
  await page
    .getByTestId('officer-load')
    .filter({ hasText: /\d+ \/ \d+ conversation/ })
    .or(page.getByTestId('editor-page'))
    .or(page.getByTestId('supervision-officers'))
    .first()
    .waitFor();
}

/**
 * Opens the citizen page of `baseUrl` in a new tab of `context` and resolves once its socket is online (the message
 * field is enabled only then). Tabs of one context share `localStorage`, hence the conversation.
 */
export async function openCitizenPage(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.locator('[data-testid="message-input"]:enabled').waitFor();
  return page;
}

/**
 * Types `text` in the citizen page, presses « Envoyer » and resolves once the server acknowledged it (the page clears
 * the field then; the server sends the echo, the bot's answer and any queue position before the acknowledgement).
 * @throws Error naming the text and the page's alerts when the field is not cleared within `timeoutMs`.
 */
export async function citizenSends(page: Page, text: string, timeoutMs = 5_000): Promise<void> {
  const field = page.getByTestId('message-input');
  await field.fill(text);
  await page.getByTestId('send-button').click();
  try {
    await page.waitForFunction((element) => (element as { value: string } | null)?.value === '', await field.elementHandle(), {
      timeout: timeoutMs,
    });
  } catch {
    const alerts = await page.getByRole('alert').allTextContents();
    throw new Error(`The server did not accept "${text}" within ${timeoutMs} ms; alerts: ${JSON.stringify(alerts)}`);
  }
}

/**
 * A switch on the WebSockets of a browser context, to simulate a network drop without touching the page's code:
 * every socket goes through Playwright's `routeWebSocket` to the real server; `cut()` closes them all (the server
 * sees the transport close, the page starts reconnecting) and refuses new ones until `restore()`.
 */
export class WebSocketSwitch {
  private online = true;
  private readonly live = new Set<WebSocketRoute>();

  private constructor() {}

  /** Routes every WebSocket of `context` through a new switch, on. Call before opening the pages. */
  static async install(context: BrowserContext): Promise<WebSocketSwitch> {
    const sut = new WebSocketSwitch();
    await context.routeWebSocket(/\/socket\.io\//, (route) => sut.route(route));
    return sut;
  }

  /** Closes every open WebSocket and refuses new ones until `restore()`. */
  async cut(): Promise<void> {
    this.online = false;
    const closing = [...this.live].map((route) => route.close());
    this.live.clear();
    await Promise.all(closing);
  }

  /** Lets WebSockets connect again; the page's next reconnect attempt reaches the server. */
  restore(): void {
    this.online = true;
  }

  private route(route: WebSocketRoute): Promise<void> | void {
    if (!this.online) {
      return route.close();
    }
    route.connectToServer();
    this.live.add(route);
  }
}
