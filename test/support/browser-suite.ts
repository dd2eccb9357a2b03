import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { OfficerRole } from '../../src/contracts/socket-events';
import { OfficerAccountStore } from '../../src/officers/officer-account.store';
import { assertWebAppsBuilt, collectPageErrors, launchBrowser, OFFICER_DESKTOP, signInConsole } from './browser';
import { createTestApp, type TestApp, type TestAppOptions } from './create-test-app';
import { closeAllSockets } from './socket-client';

/**
 * How long one browser wait (locator, function) may take before it fails with what it waited for. Generous: a CI
 * machine with 2 cores shared with the service, jest and Chromium can stall for seconds; a passing wait costs only
 * its real time.
 */
export const WAIT_TIMEOUT_MS = 10_000;
/** Jest timeout of each hook the suite registers: a browser launch, or closing contexts, sockets and apps. */
const HOOK_TIMEOUT_MS = 30_000;

/** What `useBrowserSuite` gives the tests of its `describe` block; everything it opens is closed after each test. */
export interface BrowserSuite {
  /**
   * A new browser context (own cookies and storage) with `options` and `WAIT_TIMEOUT_MS` as its default timeout;
   * the errors of every page opened in it fail the test.
   * @throws Error when called before the suite's `beforeAll` launched the browser.
   */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
  /**
   * Signs `username` in through the console's form of `baseUrl` (`signInConsole`) in a new page of `context`, a new
   * `OFFICER_DESKTOP` context by default; resolves with the page once the console is connected.
   */
  openConsole(baseUrl: string, username: string, password: string, context?: BrowserContext): Promise<Page>;
  /** Boots a fresh app for this test (`createTestApp(env, options)`), closed after the test. */
  boot(env?: Record<string, string>, options?: TestAppOptions): Promise<TestApp>;
  /** The errors the pages of this test have reported so far (`collectPageErrors` lines), the allowed ones included. */
  pageErrors(): string[];
  /** Lets page errors matching one of `patterns` pass for this test (e.g. Chromium logs every 4xx answer). */
  allowPageErrors(...patterns: RegExp[]): void;
}

/**
 * Registers, in the calling `describe` block, the lifecycle every browser test file shares: `beforeAll` checks the
 * web apps are built and launches chromium; `afterEach` closes the test's contexts, every socket of
 * `socket-client`, the apps of `boot`, then fails the test with the page errors not allowed; `afterAll` closes the
 * browser. Call it once, at the top of the block, before the block's own hooks (jest runs `afterEach` hooks in the
 * order they are registered, so the block's own run after the contexts are closed).
 * @returns the accessors of `BrowserSuite`.
 * @throws Error from `afterEach` listing the page errors (`The pages reported errors: …`).
 */
export function useBrowserSuite(): BrowserSuite {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let apps: TestApp[] = [];
  let errorLists: string[][] = [];
  let allowed: RegExp[] = [];

  beforeAll(async () => {
    assertWebAppsBuilt();
    browser = await launchBrowser();
  }, HOOK_TIMEOUT_MS);

  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    closeAllSockets();
    await Promise.all(apps.map((app) => app.close()));
    apps = [];
    const errors = errorLists.flat().filter((error) => !allowed.some((pattern) => pattern.test(error)));
    errorLists = [];
    allowed = [];
    if (errors.length > 0) {
      throw new Error(`The pages reported errors:\n${errors.join('\n')}`);
    }
  }, HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  }, HOOK_TIMEOUT_MS);

  const suite: BrowserSuite = {
    async newContext(options) {
      if (browser === undefined) {
        throw new Error('The browser is not launched yet: open contexts in tests or hooks after useBrowserSuite()');
      }
      const context = await browser.newContext(options);
      context.setDefaultTimeout(WAIT_TIMEOUT_MS);
      context.on('page', (page) => errorLists.push(collectPageErrors(page)));
      contexts.push(context);
      return context;
    },
    async openConsole(baseUrl, username, password, context) {
      const page = await (context ?? (await suite.newContext(OFFICER_DESKTOP))).newPage();
      await signInConsole(page, baseUrl, username, password);
      return page;
    },
    async boot(env = {}, options = {}) {
      const app = await createTestApp(env, options);
      apps.push(app);
      return app;
    },
    pageErrors: () => errorLists.flat(),
    allowPageErrors(...patterns) {
      allowed.push(...patterns);
    },
  };
  return suite;
}

/**
 * Creates an officer account in `app`'s data folder (officer role unless `roles` says otherwise; `capacity`
 * concurrent chats, default `DEFAULT_OFFICER_CAPACITY`) without signing it in.
 * @returns its generated password, for the console's sign-in form.
 */
export async function createConsoleAccount(
  app: TestApp,
  username: string,
  displayName: string,
  roles: OfficerRole[] = ['officer'],
  capacity?: number,
): Promise<string> {
  const { password } = await new OfficerAccountStore(app.dataDir).create(username, displayName, roles, capacity);
  return password;
}
