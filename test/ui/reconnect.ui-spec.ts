import type { BrowserContext, Page } from 'playwright-core';
import type { QueueItemView } from '../../src/contracts/socket-events';
import {
  CITIZEN_PHONE,
  citizenSends,
  messagesBy,
  openCitizenPage,
  seriousAccessibilityViolations,
  WebSocketSwitch,
} from '../support/browser';
import { useBrowserSuite, WAIT_TIMEOUT_MS } from '../support/browser-suite';
import type { TestApp } from '../support/create-test-app';
import { FakeClock } from '../support/fake-clock';
import { connectOfficer, connectQueuedCitizen, emitWithAck, type OfficerClient, waitForEvent } from '../support/socket-client';
/** socket.io reconnects after 1 s ± 50 %, doubling up to 5 s: a page back online is connected again within this. */
const RECONNECT_TIMEOUT_MS = 15_000;
/** Jest timeout of one test: an app boot, sign-ins (argon2), page loads and reconnects. */
const TEST_TIMEOUT_MS = 60_000;
/** Maximum wait in the queue of the test app, in seconds (the fake clock jumps over it). */
const MAX_WAIT_SECONDS = 600;
/** How long a conversation waits for its citizen to come back, in seconds; the fake clock never reaches it here. */
const GRACE_SECONDS = 120;
/** `useConversation`'s OFFICER_TYPING_TIMEOUT_MS: « Le policier écrit… » goes after this without a new signal. */
const OFFICER_TYPING_TIMEOUT_MS = 5_000;

const OFFICER_NAME = 'Brigadier Dupont';
/** A question the bot cannot resolve: it hands the chat to the queue. */
const UNRESOLVABLE = 'Je voudrais savoir où en est l’enquête sur l’affaire de mon frère';
/** A question the bot answers with confidence, also « en attendant » while the citizen waits. */
const CARD_THEFT = "on m'a volé ma carte bancaire, je veux faire opposition";
/** Where the page keeps its resume token (`web/src/lib/resumeToken.ts`). */
const RESUME_TOKEN_KEY = 'police-chat:citizen:resume-token';

/** The browser globals read below: the page functions run in the page but are type-checked without the DOM library. */
interface PageGlobals {
  localStorage: { getItem(key: string): string | null; length: number; key(index: number): string | null };
}

/** The resume token the page stored, or null. */
function storedToken(page: Page): Promise<string | null> {
  return page.evaluate((key) => (globalThis as unknown as PageGlobals).localStorage.getItem(key), RESUME_TOKEN_KEY);
}

/** Every value the page keeps in `localStorage`. */
function storedValues(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { localStorage } = globalThis as unknown as PageGlobals;
    return Array.from({ length: localStorage.length }, (_, index) => localStorage.getItem(localStorage.key(index) ?? '') ?? '');
  });
}

/** The `seq` of every message the page shows, in page order. */
function shownSeqs(page: Page): Promise<number[]> {
  return page.getByTestId('message').evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-seq'))));
}

/** Resolves with the officer's queue once it satisfies `predicate`. */
function queueWhere(officer: OfficerClient, predicate: (items: QueueItemView[]) => boolean): Promise<QueueItemView[]> {
  return waitForEvent<{ items: QueueItemView[] }>(officer, 'handoff:queue', ({ items }) => predicate(items), WAIT_TIMEOUT_MS).then(
    ({ items }) => items,
  );
}

/** Resolves once the officer's console hears that the citizen of `conversationId` dropped (false) or came back. */
function citizenPresence(officer: OfficerClient, conversationId: string, connected: boolean): Promise<unknown> {
  return waitForEvent<{ conversationId: string; connected: boolean }>(
    officer,
    'conversation:citizen-presence',
    (presence) => presence.conversationId === conversationId && presence.connected === connected,
    WAIT_TIMEOUT_MS,
  );
}

/** Resolves once the citizen page is back online after a drop (the message field is enabled again). */
async function backOnline(page: Page): Promise<void> {
  await page.locator('[data-testid="message-input"]:enabled').waitFor({ timeout: RECONNECT_TIMEOUT_MS });
}

describe('Citizen page: reconnects, second tab and waiting in the queue', () => {
  const suite = useBrowserSuite();
  let sut: TestApp;
  let clock: FakeClock;
  let officer: OfficerClient;

  beforeEach(async () => {
    // Monday 11:00 in Paris: within the default opening hours.
    clock = new FakeClock('2026-11-30T10:00:00Z');
    sut = await suite.boot(
      { MAX_QUEUE_WAIT_SECONDS: String(MAX_WAIT_SECONDS), CITIZEN_RECONNECT_GRACE_SECONDS: String(GRACE_SECONDS) },
      { clock },
    );
  }, TEST_TIMEOUT_MS);

  /** A phone's browser context (own storage), closed after the test; its pages' errors fail the test. */
  function newPhone(): Promise<BrowserContext> {
    return suite.newContext(CITIZEN_PHONE);
  }

  /** Signs in an officer account and connects its console socket. */
  async function connectOfficerNamed(username: string, displayName = OFFICER_NAME): Promise<OfficerClient> {
    const { accessToken } = await sut.signInOfficer(username, displayName);
    return (await connectOfficer(sut.baseUrl, accessToken)).socket;
  }

  /** The conversation id of the only queue entry not in `others`. */
  function entryNotIn(items: QueueItemView[], others: string[]): string {
    const ids = items.map((item) => item.conversationId).filter((id) => !others.includes(id));
    expect(ids).toHaveLength(1);
    return ids[0];
  }

  /** Queues the page's citizen with « Parler à un policier » and resolves with their conversation id. */
  async function queueFromPage(page: Page, others: string[] = []): Promise<string> {
    const listed = queueWhere(officer, (items) => items.length === others.length + 1);
    await page.getByTestId('handoff-button').click();
    await page.getByTestId('queue-position').waitFor();
    return entryNotIn(await listed, others);
  }

  /** Has the officer take `conversationId` and resolves once the page shows the officer joined. */
  async function officerTakes(page: Page, conversationId: string): Promise<void> {
    expect(await emitWithAck(officer, 'handoff:take', { conversationId })).toEqual({ ok: true });
    await page.getByTestId('officer-joined').filter({ hasText: OFFICER_NAME }).waitFor();
  }

  it(
    'should keep the same conversation, place and messages, each once, when the citizen reloads the page while queued (S-08)',
    async () => {
      // Arrange: another citizen waits first; the page's citizen is second in line.
      officer = await connectOfficerNamed('reload.officer');
      const first = await connectQueuedCitizen(sut.baseUrl);
      const phone = await newPhone();
      const page = await openCitizenPage(phone, sut.baseUrl);
      const listed = queueWhere(officer, (items) => items.length === 2);
      await citizenSends(page, UNRESOLVABLE);
      await page.getByTestId('queue-position').filter({ hasText: 'position 2' }).waitFor();
      const conversationId = entryNotIn(await listed, [first.conversationId]);
      const seqsBefore = await shownSeqs(page);
      const tokenBefore = await storedToken(page);

      // Act
      await page.reload();
      await backOnline(page);

      // Assert: same place, same messages once each, same token, still one queue entry for this conversation.
      await page.getByTestId('queue-position').filter({ hasText: 'position 2' }).waitFor();
      expect(await page.getByTestId('queue-wait').textContent()).toMatch(
        /^Attente estimée : (moins d'une minute|environ \d+ min)$/,
      );
      expect(await shownSeqs(page)).toEqual(seqsBefore);
      expect(await messagesBy(page, 'citizen').filter({ hasText: UNRESOLVABLE }).count()).toBe(1);
      expect(tokenBefore).not.toBeNull();
      expect(await storedToken(page)).toBe(tokenBefore);
      expect((await storedValues(page)).join('\n')).not.toContain(UNRESOLVABLE);
      const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('reload.witness')).accessToken);
      expect(queue.map((item) => item.conversationId)).toEqual([first.conversationId, conversationId]);
      expect(await page.getByTestId('conversation-replaced').count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show an officer message sent while the tab was closed exactly once when the citizen opens the page again (S-12)',
    async () => {
      // Arrange: an officer holds the chat, then the citizen closes the tab.
      officer = await connectOfficerNamed('away.officer');
      const phone = await newPhone();
      const page = await openCitizenPage(phone, sut.baseUrl);
      const conversationId = await queueFromPage(page);
      await officerTakes(page, conversationId);
      const gone = citizenPresence(officer, conversationId, false);
      await page.close();
      await gone;
      const text = 'Êtes-vous toujours là ? Je reprends votre dossier.';
      expect(await emitWithAck(officer, 'conversation:message', { conversationId, text })).toEqual({ ok: true });

      // Act
      const again = await openCitizenPage(phone, sut.baseUrl);

      // Assert
      const received = messagesBy(again, 'officer').filter({ hasText: text });
      await received.waitFor();
      expect(await received.count()).toBe(1);
      expect(await received.textContent()).toContain(OFFICER_NAME);
      expect(await again.getByTestId('officer-joined').textContent()).toContain(OFFICER_NAME);
      const seqs = await shownSeqs(again);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show an officer message exactly once after three network drops and one sent while offline (S-11)',
    async () => {
      // Arrange
      officer = await connectOfficerNamed('drops.officer');
      const phone = await newPhone();
      const network = await WebSocketSwitch.install(phone);
      const page = await openCitizenPage(phone, sut.baseUrl);
      const conversationId = await queueFromPage(page);
      await officerTakes(page, conversationId);

      // Act: three drops; during the last one the officer writes.
      for (let drop = 1; drop <= 3; drop += 1) {
        const gone = citizenPresence(officer, conversationId, false);
        await network.cut();
        await page.locator('[data-testid="message-input"]:disabled').waitFor();
        await gone;
        if (drop === 3) {
          await emitWithAck(officer, 'conversation:message', { conversationId, text: 'Message pendant la coupure' });
        }
        const back = citizenPresence(officer, conversationId, true);
        network.restore();
        await backOnline(page);
        await back;
      }
      await emitWithAck(officer, 'conversation:message', { conversationId, text: 'test 1' });

      // Assert
      await messagesBy(page, 'officer').filter({ hasText: 'test 1' }).waitFor();
      expect(await messagesBy(page, 'officer').allTextContents()).toEqual([
        expect.stringContaining('Message pendant la coupure'),
        expect.stringContaining('test 1'),
      ]);
      const seqs = await shownSeqs(page);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
      expect(await page.getByTestId('conversation-replaced').count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should join the same conversation in a second tab, both tabs showing the officer once',
    async () => {
      // Arrange
      officer = await connectOfficerNamed('tabs.officer');
      const phone = await newPhone();
      const firstTab = await openCitizenPage(phone, sut.baseUrl);
      const conversationId = await queueFromPage(firstTab);
      await officerTakes(firstTab, conversationId);

      // Act
      const secondTab = await openCitizenPage(phone, sut.baseUrl);
      await secondTab.getByTestId('officer-joined').filter({ hasText: OFFICER_NAME }).waitFor();
      await emitWithAck(officer, 'conversation:message', { conversationId, text: 'Bonjour, je vous lis.' });

      // Assert
      for (const tab of [firstTab, secondTab]) {
        await messagesBy(tab, 'officer').filter({ hasText: 'Bonjour, je vous lis.' }).waitFor();
        expect(await messagesBy(tab, 'officer').count()).toBe(1);
      }
      expect(await shownSeqs(secondTab)).toEqual(await shownSeqs(firstTab));
      expect(await storedToken(secondTab)).toBe(await storedToken(firstTab));
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show the officer’s last message then the closed state when the chat was closed while the citizen was offline (S-12)',
    async () => {
      // Arrange
      officer = await connectOfficerNamed('closing.officer');
      const phone = await newPhone();
      const network = await WebSocketSwitch.install(phone);
      const page = await openCitizenPage(phone, sut.baseUrl);
      const conversationId = await queueFromPage(page);
      await officerTakes(page, conversationId);
      const gone = citizenPresence(officer, conversationId, false);
      await network.cut();
      await gone;
      const lastWords = 'Je clôture la conversation, bonne journée.';
      await emitWithAck(officer, 'conversation:message', { conversationId, text: lastWords });
      expect(await emitWithAck(officer, 'conversation:close', { conversationId, outcome: 'answered' })).toEqual({ ok: true });

      // Act
      network.restore();

      // Assert: the message, then « conversation terminée », the composer off and a way to start again.
      await page.getByTestId('conversation-closed').waitFor({ timeout: RECONNECT_TIMEOUT_MS });
      expect(await messagesBy(page, 'officer').filter({ hasText: lastWords }).count()).toBe(1);
      expect(await page.getByTestId('conversation-closed').textContent()).toContain('Conversation terminée');
      expect(await page.getByTestId('message-input').isDisabled()).toBe(true);
      expect(await page.getByTestId('new-conversation-button').isVisible()).toBe(true);
      expect(await storedToken(page)).toBeNull();

      // Act 2: a new conversation starts empty, with a new token.
      await page.getByTestId('new-conversation-button').click();
      await backOnline(page);

      // Assert 2
      expect(await page.getByTestId('message').count()).toBe(0);
      expect(await storedToken(page)).not.toBeNull();
      expect(await page.getByTestId('conversation-replaced').count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should start a new, empty conversation and say so when the stored one ended while the page was closed',
    async () => {
      // Arrange: a queued citizen closes the tab and stays away longer than the grace period.
      officer = await connectOfficerNamed('expired.officer');
      const phone = await newPhone();
      const page = await openCitizenPage(phone, sut.baseUrl);
      await queueFromPage(page);
      const oldToken = await storedToken(page);
      const away = queueWhere(officer, (items) => items[0]?.citizenConnected === false);
      await page.close();
      await away;
      const emptied = queueWhere(officer, (items) => items.length === 0);
      clock.tick(GRACE_SECONDS * 1000);
      await emptied;

      // Act
      const again = await openCitizenPage(phone, sut.baseUrl);

      // Assert
      await again.getByTestId('conversation-replaced').waitFor();
      expect(await again.getByTestId('message').count()).toBe(0);
      expect(await again.getByTestId('queue-position').count()).toBe(0);
      expect(await again.getByTestId('handoff-button').isVisible()).toBe(true);
      const newToken = await storedToken(again);
      expect(newToken).not.toBeNull();
      expect(newToken).not.toBe(oldToken);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show « Aucun policier n’est disponible » while no officer is connected, then a live estimate once one is',
    async () => {
      // Arrange
      const phone = await newPhone();
      const page = await openCitizenPage(phone, sut.baseUrl);
      await page.getByTestId('handoff-button').click();

      // Act 1
      const wait = page.getByTestId('queue-wait');
      await wait.waitFor();

      // Assert 1
      expect(await wait.textContent()).toBe("Aucun policier n'est disponible pour le moment");

      // Act 2
      officer = await connectOfficerNamed('estimate.officer');

      // Assert 2
      await wait.filter({ hasText: /^Attente estimée : (moins d'une minute|environ \d+ min)$/ }).waitFor();
      expect(await page.getByTestId('queue-position').textContent()).toContain('position 1');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should take the citizen out of the queue and back to the bot when they press « Quitter la file d’attente »',
    async () => {
      // Arrange
      officer = await connectOfficerNamed('leave.officer');
      const phone = await newPhone();
      const page = await openCitizenPage(phone, sut.baseUrl);
      await queueFromPage(page);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Act
      const emptied = queueWhere(officer, (items) => items.length === 0);
      await page.getByTestId('leave-queue-button').click();

      // Assert
      await emptied;
      await page.getByTestId('queue-exit').waitFor();
      expect(await page.getByTestId('queue-position').count()).toBe(0);
      expect(await page.getByTestId('handoff-button').isEnabled()).toBe(true);
      await citizenSends(page, CARD_THEFT);
      expect(await messagesBy(page, 'bot').last().textContent()).not.toContain('Cette réponse vous suffit ?');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should ask « Cette réponse vous suffit ? » under an answer given while queued, and leave the queue from there',
    async () => {
      // Arrange
      officer = await connectOfficerNamed('meanwhile.officer');
      const phone = await newPhone();
      const page = await openCitizenPage(phone, sut.baseUrl);
      await queueFromPage(page);

      // Act 1
      await citizenSends(page, CARD_THEFT);

      // Assert 1: the answer, with the question and the button under it; still waiting.
      const answer = messagesBy(page, 'bot').last();
      await answer.getByTestId('queue-check').waitFor();
      expect(await answer.getByTestId('queue-check').textContent()).toContain('Cette réponse vous suffit ?');
      expect(await answer.getByTestId('link-card').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('queue-position').isVisible()).toBe(true);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Act 2
      const emptied = queueWhere(officer, (items) => items.length === 0);
      await answer.getByTestId('follow-up-leave-queue').click();

      // Assert 2
      await emptied;
      await page.getByTestId('queue-exit').waitFor();
      expect(await page.getByTestId('queue-check').count()).toBe(0);
      expect(await page.getByTestId('handoff-button').isVisible()).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should offer « Continuer d’attendre » and « Quitter la file d’attente » at the maximum wait, and honour both (S-07)',
    async () => {
      // Arrange
      officer = await connectOfficerNamed('maxwait.officer');
      const phone = await newPhone();
      const page = await openCitizenPage(phone, sut.baseUrl);
      const conversationId = await queueFromPage(page);

      // Act 1: nobody takes the chat for the maximum wait.
      const expired = queueWhere(officer, (items) => items.length === 0);
      clock.tick(MAX_WAIT_SECONDS * 1000);
      await expired;

      // Assert 1: out of the queue, with the two choices under the service's message.
      const offer = page.getByTestId('keep-waiting-offer');
      await offer.waitFor();
      expect(await offer.locator('xpath=..').getAttribute('data-author')).toBe('system');
      expect(await page.getByTestId('queue-position').count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Act 2: keep waiting.
      const requeued = queueWhere(officer, (items) => items[0]?.conversationId === conversationId);
      await page.getByTestId('keep-waiting-button').click();

      // Assert 2: back in the queue, first, and the offer answered.
      await requeued;
      await page.getByTestId('queue-position').filter({ hasText: 'position 1' }).waitFor();
      expect(await page.getByTestId('keep-waiting-offer').count()).toBe(0);

      // Act 3: the maximum wait again; this time the citizen leaves.
      const expiredAgain = queueWhere(officer, (items) => items.length === 0);
      clock.tick(MAX_WAIT_SECONDS * 1000);
      await expiredAgain;
      const secondOffer = page.getByTestId('keep-waiting-offer');
      await secondOffer.waitFor();
      const left = page.getByTestId('queue-exit').filter({ hasText: "Vous avez quitté la file d'attente" });
      await secondOffer.getByTestId('follow-up-leave-queue').click();

      // Assert 3: with the bot again, no offer left, not queued, also after a reload.
      await left.waitFor();
      expect(await page.getByTestId('keep-waiting-offer').count()).toBe(0);
      expect(await page.getByTestId('handoff-button').isVisible()).toBe(true);
      const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('maxwait.witness')).accessToken);
      expect(queue).toEqual([]);
      const shownBeforeReload = await page.getByTestId('message').count();
      await page.reload();
      await backOnline(page);
      await page.getByTestId('message').nth(shownBeforeReload - 1).waitFor();
      expect(await page.getByTestId('keep-waiting-offer').count()).toBe(0);
      expect(await page.getByTestId('handoff-button').isVisible()).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show « Le policier écrit… » while the officer types and send the citizen’s own typing to the officer',
    async () => {
      // Arrange
      officer = await connectOfficerNamed('typing.officer');
      const phone = await newPhone();
      const page = await openCitizenPage(phone, sut.baseUrl);
      const conversationId = await queueFromPage(page);
      await officerTakes(page, conversationId);
      const indicator = page.getByTestId('officer-typing');

      // Act 1: the officer types, then stops.
      officer.emit('conversation:typing', { conversationId, typing: true });
      await indicator.waitFor();
      expect(await indicator.textContent()).toBe('Le policier écrit…');
      officer.emit('conversation:typing', { conversationId, typing: false });

      // Assert 1
      await indicator.waitFor({ state: 'detached' });

      // Act 2: the officer types and goes silent without saying so.
      officer.emit('conversation:typing', { conversationId, typing: true });
      await indicator.waitFor();
      const shownAt = Date.now();
      await indicator.waitFor({ state: 'detached', timeout: OFFICER_TYPING_TIMEOUT_MS + WAIT_TIMEOUT_MS });

      // Assert 2: it went by itself, after the timeout.
      expect(Date.now() - shownAt).toBeGreaterThanOrEqual(OFFICER_TYPING_TIMEOUT_MS - 500);

      // Act 3: the citizen types, then stops.
      const started = waitForEvent<{ conversationId: string; typing: boolean }>(officer, 'conversation:typing', (event) => event.typing);
      const stopped = waitForEvent<{ conversationId: string; typing: boolean }>(
        officer,
        'conversation:typing',
        (event) => !event.typing,
        WAIT_TIMEOUT_MS,
      );
      await page.getByTestId('message-input').pressSequentially('Bonjour');

      // Assert 3: the officer heard both, for this conversation.
      expect(await started).toEqual({ conversationId, typing: true });
      expect(await stopped).toEqual({ conversationId, typing: false });
    },
    TEST_TIMEOUT_MS,
  );
});
