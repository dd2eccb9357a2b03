import type { Page } from 'playwright-core';
import type { QueueItemView } from '../../src/contracts/socket-events';
import { OfficerAccountStore } from '../../src/officers/officer-account.store';
import {
  CITIZEN_PHONE,
  citizenSends,
  messagesBy,
  OFFICER_DESKTOP,
  openCitizenPage,
  openSignInForm,
  seriousAccessibilityViolations,
} from '../support/browser';
import { useBrowserSuite, WAIT_TIMEOUT_MS } from '../support/browser-suite';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { officerSocket, waitForEvent } from '../support/socket-client';
/** Jest timeout of one test: several page loads, a sign-in (argon2) and waits. */
const TEST_TIMEOUT_MS = 30_000;

const OFFICER_USERNAME = 'ui.officer';
const OFFICER_NAME = 'Brigadier Test';
const CONSOLE_TITLE = 'Console officier';

const EMERGENCY = 'au secours il a un couteau il est chez moi';
const FRAUD = 'on a débité ma carte bancaire sans mon accord';
const UNRESOLVABLE = 'Je voudrais savoir où en est l’enquête sur l’affaire de mon frère';
const XSS_IMG = '<img src=x onerror="window.__pwned=1">';
const XSS_SCRIPT = '<script>window.__pwned=1</script>';

/**
 * The browser globals the page functions below read or write. They run in the page, but are type-checked with
 * the service's tsconfig, which has no DOM library.
 */
interface PageGlobals {
  document: { title: string };
  /** Set by the test on the console's window: still there means the page was not reloaded. */
  notReloaded?: boolean;
  /** Set only by the injected markup, if it ever runs. */
  __pwned?: unknown;
}

/** Fails with `what` and what the page shows instead, rather than Playwright's bare timeout. */
async function explainTimeout(
  waiting: Promise<unknown>,
  what: string,
  describeNow: () => Promise<string>,
): Promise<void> {
  try {
    await waiting;
  } catch {
    throw new Error(`Timed out after ${WAIT_TIMEOUT_MS} ms waiting for ${what}; instead: ${await describeNow()}`);
  }
}

/** Resolves once the tab title is `title` (the console sets it live, without a reload). */
async function waitForTitle(page: Page, title: string): Promise<void> {
  await explainTimeout(
    page.waitForFunction((expected) => (globalThis as unknown as PageGlobals).document.title === expected, title, {
      timeout: WAIT_TIMEOUT_MS,
    }),
    `the title "${title}"`,
    async () => `"${await page.title()}"`,
  );
}

/** Reads a global of the page's window. */
function readPageGlobal(page: Page, key: 'notReloaded' | '__pwned'): Promise<unknown> {
  return page.evaluate((name) => (globalThis as unknown as PageGlobals)[name], key);
}

describe('Citizen page and officer console in a browser', () => {
  // Its afterEach runs first: closing the citizen's page drops its socket, so the server forgets the conversation
  // and empties the queue before this block's afterEach checks it.
  const suite = useBrowserSuite();
  let sut: TestApp;
  let officerPassword: string;
  /** Token of an officer account the browser never uses: its socket checks the server's queue between tests. */
  let watcherToken: string;

  beforeAll(async () => {
    sut = await createTestApp();
    const accounts = new OfficerAccountStore(sut.dataDir);
    ({ password: officerPassword } = await accounts.create(OFFICER_USERNAME, OFFICER_NAME));
    watcherToken = (await sut.signInOfficer('ui.queue.watcher')).accessToken;
  }, TEST_TIMEOUT_MS);

  afterEach(async () => {
    if (watcherToken !== undefined) {
      // Only once beforeAll has succeeded: otherwise its own error is the one to read.
      await serverQueueEmptied();
    }
  });

  afterAll(async () => {
    await sut?.close();
  });

  /** Resolves once the server's queue is empty, as an officer socket sees it (the next test starts from there). */
  async function serverQueueEmptied(): Promise<void> {
    const watcher = officerSocket(sut.baseUrl, watcherToken);
    const isEmpty = ({ items }: { items: QueueItemView[] }) => items.length === 0;
    const emptied = waitForEvent(watcher, 'handoff:queue', isEmpty, WAIT_TIMEOUT_MS);
    watcher.connect();
    try {
      await emptied;
    } finally {
      watcher.disconnect();
    }
  }

  /** The citizen page on a phone, once its socket is online (the message field is enabled only then). */
  async function openPhone(): Promise<Page> {
    return openCitizenPage(await suite.newContext(CITIZEN_PHONE), sut.baseUrl);
  }

  /** The officer console on a desktop, at the sign-in form. */
  async function openOfficerLogin(): Promise<Page> {
    const page = await (await suite.newContext(OFFICER_DESKTOP)).newPage();
    await openSignInForm(page, sut.baseUrl);
    return page;
  }

  /** Signs in through the form and resolves once the console's socket is connected, with the officer's name shown. */
  async function signInOfficer(): Promise<Page> {
    const page = await suite.openConsole(sut.baseUrl, OFFICER_USERNAME, officerPassword);
    await page.getByTestId('officer-name').filter({ hasText: OFFICER_NAME }).waitFor();
    return page;
  }

  it(
    'should show the emergency numbers, the privacy notice and no serious axe violation when a citizen opens the chat',
    async () => {
      // Arrange
      const citizen = await openPhone();

      // Act
      const banner = await citizen.getByTestId('emergency-banner').textContent();
      const privacy = await citizen.getByTestId('privacy-notice').textContent();
      const violations = await seriousAccessibilityViolations(citizen);

      // Assert
      expect(banner).toContain('Urgence : 17 ou 112 – SMS 114');
      expect(await citizen.getByTestId('emergency-banner').isVisible()).toBe(true);
      expect(privacy).toContain('Conversation privée, non enregistrée');
      expect(violations).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show no serious axe violation when an officer opens the sign-in page',
    async () => {
      // Arrange
      const officer = await openOfficerLogin();

      // Act
      const violations = await seriousAccessibilityViolations(officer);

      // Assert
      expect(violations).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should answer with 17, 112 and 114 at once and not queue the citizen when the message is an emergency',
    async () => {
      // Arrange
      const citizen = await openPhone();

      // Act
      await citizenSends(citizen, EMERGENCY);

      // Assert
      const reply = messagesBy(citizen, 'bot').last();
      await reply.waitFor();
      const text = (await reply.textContent()) ?? '';
      expect(text).toMatch(/\b17\b/);
      expect(text).toMatch(/\b112\b/);
      expect(text).toMatch(/\b114\b/);
      expect(await citizen.getByTestId('queue-position').count()).toBe(0);
      expect(await citizen.getByTestId('officer-joined').count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should answer with https link cards opened without access to the page when the citizen reports a card fraud',
    async () => {
      // Arrange
      const citizen = await openPhone();

      // Act
      await citizenSends(citizen, FRAUD);

      // Assert
      const reply = messagesBy(citizen, 'bot').last();
      await reply.getByTestId('link-card').first().waitFor();
      const cards = await reply
        .getByTestId('link-card')
        .evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') })));
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        expect(card.href).toMatch(/^https:\/\//);
        expect((card.rel ?? '').split(/\s+/)).toContain('noopener');
      }
      expect(await citizen.getByTestId('queue-position').count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should hand the chat to a signed-in officer, let them talk and close it when the bot cannot resolve the question',
    async () => {
      // Arrange: an officer signed in through the form sees an empty queue.
      const [officer, citizen] = await Promise.all([signInOfficer(), openPhone()]);
      await officer.getByTestId('queue-count').filter({ hasText: /^\s*0\s*$/ }).waitFor();
      expect(await officer.getByTestId('queue-item').count()).toBe(0);
      expect(await officer.title()).toBe(CONSOLE_TITLE);
      // A mark on the page's window: a reload would wipe it.
      await officer.evaluate(() => {
        (globalThis as unknown as PageGlobals).notReloaded = true;
      });

      // Act 1: the bot cannot resolve the question.
      await citizenSends(citizen, UNRESOLVABLE);

      // Assert 1: the citizen is first in line, and the console shows it live, in the list and in the tab title.
      expect(await citizen.getByTestId('queue-position').textContent()).toMatch(/\bposition 1\b/);
      const queueItem = officer.getByTestId('queue-item').filter({ hasText: UNRESOLVABLE });
      await queueItem.waitFor();
      expect(await officer.getByTestId('queue-item').count()).toBe(1);
      expect(await queueItem.textContent()).toContain(UNRESOLVABLE);
      await waitForTitle(officer, `(1) ${CONSOLE_TITLE}`);
      expect(await readPageGlobal(officer, 'notReloaded')).toBe(true);

      // Act 2: the officer takes it.
      await queueItem.getByTestId('take-button').click();

      // Assert 2: the citizen is told who joined; the console holds the chat and its queue is empty again.
      const joined = citizen.getByTestId('officer-joined');
      await joined.waitFor();
      expect(await joined.textContent()).toContain(OFFICER_NAME);
      const panel = officer.getByTestId('chat-panel').filter({ visible: true });
      await messagesBy(panel, 'citizen').filter({ hasText: UNRESOLVABLE }).waitFor();
      await waitForTitle(officer, CONSOLE_TITLE);

      // Act 3: the officer writes to the citizen.
      const officerReply = 'Bonjour, je regarde votre dossier.';
      await panel.getByTestId('reply-input').fill(officerReply);
      await panel.getByTestId('reply-send').click();

      // Assert 3: the citizen sees it as the officer's message.
      const received = messagesBy(citizen, 'officer').filter({ hasText: officerReply });
      await received.waitFor();
      expect(await received.textContent()).toContain(OFFICER_NAME);

      // Act 4: the citizen answers.
      const botMessagesBefore = await messagesBy(citizen, 'bot').count();
      const citizenAnswer = 'Merci, c’est le dossier 42.';
      await citizenSends(citizen, citizenAnswer);

      // Assert 4: the officer sees the answer, and the bot stays silent now that an officer holds the chat.
      await messagesBy(panel, 'citizen').filter({ hasText: citizenAnswer }).waitFor();
      expect(await messagesBy(citizen, 'bot').count()).toBe(botMessagesBefore);

      // Act 5: the officer closes the chat with its outcome.
      await panel.getByTestId('close-button').click();
      await panel.getByText('Réponse apportée').click();
      await panel.getByTestId('close-confirm').click();

      // Assert 5: both sides show the end of the conversation.
      await citizen.getByTestId('conversation-closed').waitFor();
      await panel.getByTestId('chat-closed').waitFor();
      expect(await citizen.getByTestId('message-input').isDisabled()).toBe(true);
      expect(await panel.getByTestId('reply-input').isDisabled()).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show markup as plain text and run none of it when a waiting citizen sends HTML and script',
    async () => {
      // Arrange: a citizen who asked for an officer (« Parler à un policier »), and a signed-in officer.
      const [officer, citizen] = await Promise.all([signInOfficer(), openPhone()]);
      await citizen.getByTestId('handoff-button').click();
      await citizen.getByTestId('queue-position').waitFor();

      // Act: the citizen sends markup while waiting, then once the officer holds the chat.
      await citizenSends(citizen, XSS_IMG);
      const queueItem = officer.getByTestId('queue-item').filter({ hasText: 'Citoyen :' });
      await queueItem.waitFor();
      const queuedText = await queueItem.textContent();
      await queueItem.getByTestId('take-button').click();
      await citizen.getByTestId('officer-joined').waitFor();
      await citizenSends(citizen, XSS_SCRIPT);
      const panel = officer.getByTestId('chat-panel').filter({ visible: true });
      await messagesBy(panel, 'citizen').nth(1).waitFor();

      // Assert: the console shows both as characters, no element came from them, and nothing ran in either page.
      expect(queuedText).toContain(XSS_IMG);
      const [firstOnConsole, secondOnConsole] = await messagesBy(panel, 'citizen').allTextContents();
      expect(firstOnConsole).toContain(XSS_IMG);
      expect(secondOnConsole).toContain(XSS_SCRIPT);
      expect(await panel.locator('img, script').count()).toBe(0);
      const [firstOnPhone, secondOnPhone] = await messagesBy(citizen, 'citizen').allTextContents();
      expect(firstOnPhone).toContain(XSS_IMG);
      expect(secondOnPhone).toContain(XSS_SCRIPT);
      expect(await citizen.getByTestId('message-list').locator('img, script').count()).toBe(0);
      expect(await readPageGlobal(officer, '__pwned')).toBeUndefined();
      expect(await readPageGlobal(citizen, '__pwned')).toBeUndefined();
    },
    TEST_TIMEOUT_MS,
  );
});
