import type { Locator, Page } from 'playwright-core';
import type {
  AssignedConversationView,
  CannedAnswer,
  ChatMessage,
  QueueItemView,
} from '../../src/contracts/socket-events';
import { isWebUrl } from '../../src/contracts/web-url';
import { messagesBy, OFFICER_DESKTOP, seriousAccessibilityViolations, WebSocketSwitch } from '../support/browser';
import { createConsoleAccount, useBrowserSuite } from '../support/browser-suite';
import type { TestApp } from '../support/create-test-app';
import {
  type ConnectedCitizen,
  connectCitizen,
  connectOfficer,
  connectQueuedCitizen,
  emitWithAck,
  waitForEvent,
} from '../support/socket-client';

/** Jest timeout of one test: an app boot, sign-ins (argon2), page loads and waits. */
const TEST_TIMEOUT_MS = 45_000;
/** The console hides « Le citoyen écrit… » this long after the last update (CITIZEN_TYPING_TIMEOUT_MS), plus slack. */
const TYPING_HIDDEN_WITHIN_MS = 5_000 + 3_000;
/** The supervision view polls every 5 s (SUPERVISION_POLL_INTERVAL_MS), plus slack for the request. */
const SUPERVISION_REFRESHED_WITHIN_MS = 5_000 + 3_000;

const OFFICER_USERNAME = 'ui.officer';
const OFFICER_NAME = 'Brigadier Console';

/** A waiting chat in the console's queue. */
function queueItem(page: Page, conversationId: string): Locator {
  return page.locator(`[data-testid="queue-item"][data-conversation-id="${conversationId}"]`);
}

/** A held chat's panel in the console. */
function chatPanel(page: Page, conversationId: string): Locator {
  return page.locator(`[data-testid="chat-panel"][data-conversation-id="${conversationId}"]`);
}

/** The messages of a chat panel whose text contains `text`. */
function messagesWith(panel: Locator, text: string): Locator {
  return panel.locator('[data-testid="message"]').filter({ hasText: text });
}

/**
 * Chooses the DSFR radio button labelled `label` in `scope` as a person does, by its label (the DSFR label covers
 * the visually hidden input), and resolves once it is checked.
 */
async function chooseRadio(scope: Locator, label: string): Promise<void> {
  await scope.locator('label').getByText(label, { exact: true }).click();
  await scope.getByRole('radio', { name: label, exact: true, checked: true }).waitFor();
}

/** Sets the officer's status with « Mon statut » and resolves once the choice is shown. */
function chooseStatus(page: Page, label: 'Disponible' | 'Occupé' | 'Absent'): Promise<void> {
  return chooseRadio(page.getByRole('group', { name: 'Mon statut' }), label);
}

/** Resolves with the next `conversation:message` of `citizen` whose text is `text`. */
function citizenReceives(citizen: ConnectedCitizen, text: string): Promise<ChatMessage> {
  return waitForEvent<ChatMessage>(citizen.socket, 'conversation:message', (message) => message.text === text);
}

describe('Officer console over a whole shift', () => {
  const suite = useBrowserSuite();

  /** Signs in the default officer of a new account in `app`. */
  async function openOfficerConsole(app: TestApp): Promise<Page> {
    return suite.openConsole(app.baseUrl, OFFICER_USERNAME, await createConsoleAccount(app, OFFICER_USERNAME, OFFICER_NAME));
  }

  /** Queues a new citizen, takes the chat in `page`'s console and resolves with the citizen and the chat's panel. */
  async function holdChatInConsole(page: Page, baseUrl: string): Promise<{ citizen: ConnectedCitizen; panel: Locator }> {
    const citizen = await connectQueuedCitizen(baseUrl);
    await queueItem(page, citizen.conversationId).waitFor();
    return { citizen, panel: await takeInConsole(page, citizen.conversationId) };
  }

  /**
   * Takes a waiting chat with « Prendre en charge » and resolves with its panel once the console holds it and shows
   * « … a rejoint la conversation. », which the server posts just after the take: until it arrives the message list
   * grows and moves the panel's forms, so a click could land where a button was a moment before.
   */
  async function takeInConsole(page: Page, conversationId: string): Promise<Locator> {
    await queueItem(page, conversationId).getByTestId('take-button').click();
    const panel = chatPanel(page, conversationId);
    await messagesBy(panel, 'system').filter({ hasText: 'a rejoint la conversation' }).waitFor();
    return panel;
  }

  it(
    'should hide the queue while the officer is away and show the whole queue again when they are available',
    async () => {
      // Arrange: the officer goes away; a colleague's socket sees the queue the server keeps meanwhile.
      const app = await suite.boot();
      const officer = await openOfficerConsole(app);
      const { socket: colleague } = await connectOfficer(app.baseUrl, (await app.signInOfficer('colleague')).accessToken);
      await chooseStatus(officer, 'Absent');
      await officer.getByTestId('away-notice').waitFor();

      // Act 1: a citizen enters the queue while the officer is away.
      const listed = waitForEvent<{ items: QueueItemView[] }>(colleague, 'handoff:queue', ({ items }) => items.length === 1);
      const citizen = await connectQueuedCitizen(app.baseUrl);
      await listed;

      // Assert 1: the console shows no queue, and says why.
      expect(await officer.getByTestId('queue-item').count()).toBe(0);
      expect(await officer.getByTestId('queue-count').textContent()).toBe('0');

      // Act 2: the officer is available again.
      await chooseStatus(officer, 'Disponible');

      // Assert 2: the server sent the whole queue back, and the console shows it.
      await queueItem(officer, citizen.conversationId).waitFor();
      expect(await officer.getByTestId('away-notice').count()).toBe(0);
      expect(await officer.getByTestId('queue-count').textContent()).toBe('1');
      expect(await officer.getByLabel('Disponible').isChecked()).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show how long a chat waits, what triage saw and the note of the officer who sent it back to the queue',
    async () => {
      // Arrange: the bot answers a card fraud, then the citizen asks for an officer.
      const app = await suite.boot();
      const officer = await openOfficerConsole(app);
      const { socket: colleague } = await connectOfficer(
        app.baseUrl,
        (await app.signInOfficer('ui.colleague', 'Brigadière Relais')).accessToken,
      );
      const citizen = await connectCitizen(app.baseUrl);
      await emitWithAck(citizen.socket, 'conversation:message', { text: 'on a débité ma carte bancaire sans mon accord' });
      const queued = waitForEvent(citizen.socket, 'handoff:queued');
      await emitWithAck(citizen.socket, 'handoff:request', {});
      await queued;

      // Act: a colleague takes the chat and puts it back in the queue with a note.
      const note = 'Le citoyen souhaite un rappel sur la plainte en ligne.';
      expect(await emitWithAck(colleague, 'handoff:take', { conversationId: citizen.conversationId })).toEqual({ ok: true });
      expect(
        await emitWithAck(colleague, 'handoff:transfer', { conversationId: citizen.conversationId, to: 'queue', note }),
      ).toEqual({ ok: true });

      // Assert: the waiting chat shows its wait, the intents tried with the best confidence, and the note.
      const item = queueItem(officer, citizen.conversationId);
      await item.getByTestId('transfer-note').filter({ hasText: note }).waitFor();
      expect(await item.getByTestId('transfer-note').textContent()).toContain('Brigadière Relais');
      expect(await item.textContent()).toContain("en attente depuis moins d'une minute");
      expect(await item.getByTestId('summary-intents').textContent()).not.toBe('aucune');
      expect(await item.getByTestId('summary-confidence').textContent()).toMatch(/^\d{1,3}\u202f%$/);
      expect(await item.getByTestId('summary-flags').textContent()).toBe('aucun');
      expect(await item.getByTestId('summary-language').textContent()).toBe('français');
      expect(await item.locator('.queue-item__message--bot').first().textContent()).toContain('Réponse automatique');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should ask for confirmation before taking the chat of a disconnected citizen, and take it only once confirmed',
    async () => {
      // Arrange: a queued citizen drops; the server keeps the chat for the grace period and flags it.
      const app = await suite.boot({ CITIZEN_RECONNECT_GRACE_SECONDS: '60' });
      const officer = await openOfficerConsole(app);
      const citizen = await connectQueuedCitizen(app.baseUrl);
      const item = queueItem(officer, citizen.conversationId);
      await item.waitFor();
      citizen.socket.disconnect();
      await item.getByTestId('queue-citizen-disconnected').filter({ hasText: 'Citoyen déconnecté' }).waitFor();

      // Act 1: « Prendre en charge » asks first; « Annuler » keeps the chat in the queue.
      await item.getByTestId('take-button').click();
      await item.getByTestId('take-confirmation').waitFor();
      await item.getByRole('button', { name: 'Annuler' }).click();

      // Assert 1: nothing was taken: the server still queues the chat.
      const { queue } = await connectOfficer(app.baseUrl, (await app.signInOfficer('witness')).accessToken);
      expect(queue.map((waiting) => waiting.conversationId)).toEqual([citizen.conversationId]);
      expect(await officer.getByTestId('chat-panel').count()).toBe(0);

      // Act 2: asked again, the officer confirms.
      await item.getByTestId('take-button').click();
      await item.getByTestId('take-confirm').click();

      // Assert 2: the console holds the chat and shows the citizen is away.
      const panel = chatPanel(officer, citizen.conversationId);
      await panel.waitFor();
      expect(await panel.getByTestId('citizen-presence').textContent()).toContain('Citoyen déconnecté');
      await item.waitFor({ state: 'detached' });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should attach a canned answer as link cards, let the officer remove one, and deliver the others to the citizen',
    async () => {
      // Arrange: a canned answer with at least two web links, and a chat the officer holds.
      const app = await suite.boot();
      const { cannedAnswers } = await connectOfficer(app.baseUrl, (await app.signInOfficer('catalog.reader')).accessToken);
      const answer = cannedAnswers.find(
        (candidate: CannedAnswer) =>
          candidate.links.filter((link) => isWebUrl(link.url)).length >= 2 &&
          cannedAnswers.filter((other) => other.title === candidate.title).length === 1,
      );
      if (answer === undefined) {
        throw new Error('The intents offer no canned answer with two web links: pick another fixture');
      }
      const [removed, ...kept] = answer.links;
      const officer = await openOfficerConsole(app);
      const { citizen, panel } = await holdChatInConsole(officer, app.baseUrl);

      // Act 1: the officer searches by title (in lower case, without accents) and picks the answer.
      const query = answer.title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      await panel.getByTestId('canned-search').fill(query);
      await panel.getByTestId('canned-answer').filter({ hasText: answer.title }).click();

      // Assert 1: its links are attached as cards opening in a new tab without access to the console.
      const attached = panel.getByTestId('attached-links');
      const cards = await attached
        .getByTestId('link-card')
        .evaluateAll((anchors) =>
          anchors.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target') })),
        );
      expect(cards).toEqual(answer.links.map((link) => ({ href: link.url, rel: 'noopener noreferrer', target: '_blank' })));
      expect(await seriousAccessibilityViolations(officer)).toEqual([]);

      // Act 2: the officer removes the first link, writes and sends.
      await attached.getByRole('button', { name: `Retirer le lien ${removed.title}` }).click();
      const reply = 'Voici les démarches en ligne.';
      const delivered = citizenReceives(citizen, reply);
      await panel.getByTestId('reply-input').fill(reply);
      await panel.getByTestId('reply-send').click();

      // Assert 2: the citizen's socket receives the remaining links; the console shows them as cards; the draft is
      // empty again.
      const message = await delivered;
      expect(message.author).toBe('officer');
      expect(message.links).toEqual(kept);
      const sent = messagesWith(panel, reply);
      await sent.waitFor();
      const sentCards = await sent.getByTestId('link-card').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(sentCards).toEqual(kept.map((link) => link.url));
      expect(await panel.getByTestId('attached-links').count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should transfer a held chat with its note to an available colleague and drop it from the console',
    async () => {
      // Arrange: a colleague online with room, and a chat the officer holds.
      const app = await suite.boot();
      const colleagueLogin = await app.signInOfficer('ui.colleague', 'Brigadière Relais');
      const { socket: colleague } = await connectOfficer(app.baseUrl, colleagueLogin.accessToken);
      const officer = await openOfficerConsole(app);
      const { citizen, panel } = await holdChatInConsole(officer, app.baseUrl);
      await panel.getByTestId('transfer-button').click();
      const form = panel.getByTestId('transfer-form');

      // Act 1: « Transférer » with neither a colleague nor a note.
      await form.getByTestId('transfer-confirm').click();

      // Assert 1: both fields say what is missing, and the chat stays.
      await form.getByText('Choisissez à qui transférer la conversation').waitFor();
      await form.getByText('Écrivez une note pour le prochain officier').waitFor();
      expect(await seriousAccessibilityViolations(officer)).toEqual([]);

      // Act 2: the officer picks the colleague and writes the note.
      const note = 'Vol de vélo, le citoyen attend le numéro de dépôt de plainte.';
      await form.getByTestId('transfer-target').selectOption(colleagueLogin.officer.id);
      await form.getByTestId('transfer-note-input').fill(note);
      const assigned = waitForEvent<AssignedConversationView>(
        colleague,
        'conversation:assigned',
        (view) => view.conversationId === citizen.conversationId,
      );
      await form.getByTestId('transfer-confirm').click();

      // Assert 2: the colleague holds the chat with the note; the console dropped it with a short notice.
      const view = await assigned;
      expect(view.notes).toEqual([expect.objectContaining({ fromOfficerName: OFFICER_NAME, text: note })]);
      await officer.getByTestId('release-notice').filter({ hasText: 'transférée à Brigadière Relais' }).waitFor();
      await panel.waitFor({ state: 'detached' });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should refuse to close without an outcome and close with the chosen one',
    async () => {
      // Arrange: a chat the officer holds, and the close form open.
      const app = await suite.boot();
      const officer = await openOfficerConsole(app);
      const { citizen, panel } = await holdChatInConsole(officer, app.baseUrl);
      expect(await panel.locator('[data-testid="message"][data-author="bot"]').first().textContent()).toContain(
        'Réponse automatique',
      );
      await panel.getByTestId('close-button').click();
      const form = panel.getByTestId('close-form');
      const outcomes = await form.getByRole('radio').evaluateAll((inputs) =>
        inputs.map((input) => input.closest('.fr-radio-group')?.textContent?.trim()),
      );

      // Act 1: confirm with no outcome chosen.
      await form.getByTestId('close-confirm').click();

      // Assert 1: the five outcomes are offered in French, one is required, and the chat is still open.
      expect(outcomes).toEqual([
        'Orienté vers un service',
        'Réponse apportée',
        'Urgence réorientée (17/112)',
        'Propos abusifs',
        'Sans réponse du citoyen',
      ]);
      await form.getByText('Choisissez l’issue de la conversation').waitFor();
      expect(await panel.getByTestId('chat-closed').count()).toBe(0);
      expect(await seriousAccessibilityViolations(officer)).toEqual([]);

      // Act 2: choose « Réponse apportée » and confirm.
      const closed = waitForEvent<{ reason: string }>(citizen.socket, 'conversation:closed');
      await chooseRadio(form, 'Réponse apportée');
      await form.getByTestId('close-confirm').click();

      // Assert 2: the citizen's chat ends; the console shows it closed with the outcome.
      expect((await closed).reason).toBe('officer_closed');
      await panel.getByTestId('chat-closed').filter({ hasText: 'Réponse apportée' }).waitFor();
      expect(await panel.getByTestId('reply-input').isDisabled()).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "should show the supervision tab to supervisors only, with the shift's figures refreshed every 5 s",
    async () => {
      // Arrange: an officer and a supervisor sign in; one citizen waits.
      const app = await suite.boot();
      const supervisorPassword = await createConsoleAccount(app, 'ui.supervisor', 'Capitaine Veille', ['officer', 'supervisor']);
      const officer = await openOfficerConsole(app);
      const supervisor = await suite.openConsole(app.baseUrl, 'ui.supervisor', supervisorPassword);
      await connectQueuedCitizen(app.baseUrl);

      // Act 1: the supervisor opens « Supervision ».
      await supervisor.getByRole('tab', { name: 'Supervision' }).click();

      // Assert 1: the view shows the queue and both officers; the plain officer has no such tab.
      const view = supervisor.getByTestId('supervision-view');
      await view.getByTestId('supervision-queue-length').filter({ hasText: /^1$/ }).waitFor();
      const officersTable = await view.getByTestId('supervision-officers').textContent();
      expect(officersTable).toContain(OFFICER_NAME);
      expect(officersTable).toContain('Capitaine Veille');
      expect(await view.getByTestId('supervision-conversations').textContent()).toMatch(/^\d+$/);
      expect(await view.getByTestId('supervision-outcomes').textContent()).toContain('Réponse apportée');
      expect(await officer.getByRole('tab', { name: 'Supervision' }).count()).toBe(0);
      expect(await officer.getByTestId('supervision-view').count()).toBe(0);
      expect(await seriousAccessibilityViolations(supervisor)).toEqual([]);

      // Act 2: a second citizen enters the queue.
      await connectQueuedCitizen(app.baseUrl);

      // Assert 2: the next poll shows it without a reload.
      await view
        .getByTestId('supervision-queue-length')
        .filter({ hasText: /^2$/ })
        .waitFor({ timeout: SUPERVISION_REFRESHED_WITHIN_MS });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "should show every message once after three forced reconnects, and deliver the officer's next message once (S-11)",
    async () => {
      // Arrange: the console's WebSockets go through a switch; the officer holds a chat with two citizen messages.
      const app = await suite.boot();
      const password = await createConsoleAccount(app, OFFICER_USERNAME, OFFICER_NAME);
      const context = await suite.newContext(OFFICER_DESKTOP);
      const network = await WebSocketSwitch.install(context);
      const officer = await suite.openConsole(app.baseUrl, OFFICER_USERNAME, password, context);
      const { citizen, panel } = await holdChatInConsole(officer, app.baseUrl);
      for (const text of ['premier message', 'deuxième message']) {
        await emitWithAck(citizen.socket, 'conversation:message', { text });
        await messagesWith(panel, text).waitFor();
      }

      // Act: three network drops, each followed by socket.io's own reconnect; then the officer writes.
      for (let cycle = 0; cycle < 3; cycle += 1) {
        await network.cut();
        await officer.getByText('Reconnexion…', { exact: true }).waitFor();
        network.restore();
        await officer.getByText('Connecté', { exact: true }).waitFor();
      }
      const delivered = citizenReceives(citizen, 'test 1');
      await panel.getByTestId('reply-input').fill('test 1');
      await panel.getByTestId('reply-send').click();
      await delivered;
      await messagesWith(panel, 'test 1').waitFor();

      // Assert: each message once, in server order, on both sides.
      const seqs = await panel
        .locator('[data-testid="message"]')
        .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-seq'))));
      expect(seqs).toEqual([...new Set(seqs)].sort((left, right) => left - right));
      expect(await messagesWith(panel, 'premier message').count()).toBe(1);
      expect(await messagesWith(panel, 'deuxième message').count()).toBe(1);
      expect(await messagesWith(panel, 'test 1').count()).toBe(1);
      expect(await officer.getByTestId('chat-panel').count()).toBe(1);
      expect(citizen.received.filter((message) => message.text === 'test 1')).toHaveLength(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show « Le citoyen écrit… » until 5 s after the last update, and tell the citizen when the officer types',
    async () => {
      // Arrange: a chat the officer holds.
      const app = await suite.boot();
      const officer = await openOfficerConsole(app);
      const { citizen, panel } = await holdChatInConsole(officer, app.baseUrl);
      const indicator = panel.getByTestId('citizen-typing');

      // Act 1: the citizen starts typing.
      citizen.socket.emit('conversation:typing', { typing: true });

      // Assert 1: the console says so, then hides it when no update follows.
      await indicator.filter({ hasText: 'Le citoyen écrit…' }).waitFor();
      await indicator.filter({ hasText: /^$/ }).waitFor({ timeout: TYPING_HIDDEN_WITHIN_MS });

      // Act 2: the officer types a reply, key by key, and sends it.
      const signals: boolean[] = [];
      citizen.socket.on('conversation:typing', ({ typing }) => signals.push(typing));
      const stopped = waitForEvent<{ typing: boolean }>(citizen.socket, 'conversation:typing', ({ typing }) => !typing);
      await panel.getByTestId('reply-input').pressSequentially('Bonjour');
      await panel.getByTestId('reply-send').click();

      // Assert 2: the citizen was told once that the officer types (throttled), then that they stopped on send
      // (the server may repeat the stop when it delivers the reply).
      await stopped;
      expect(signals[0]).toBe(true);
      expect(signals.filter((typing) => typing)).toHaveLength(1);
      expect(signals.at(-1)).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should hide the take buttons in automatic routing and route the chat to the officer once available',
    async () => {
      // Arrange: automatic routing; the officer is busy, so nothing is routed to them.
      const app = await suite.boot({ ROUTING_MODE: 'auto' });
      const officer = await openOfficerConsole(app);
      await officer.getByTestId('routing-mode').filter({ hasText: 'Attribution automatique' }).waitFor();
      await chooseStatus(officer, 'Occupé');
      const citizen = await connectQueuedCitizen(app.baseUrl);

      // Act 1: the chat waits in the queue.
      const item = queueItem(officer, citizen.conversationId);
      await item.waitFor();

      // Assert 1: no take button, and the console says chats are assigned automatically.
      expect(await officer.getByTestId('take-button').count()).toBe(0);
      await officer.getByTestId('auto-routing-notice').waitFor();

      // Act 2: the officer becomes available.
      await chooseStatus(officer, 'Disponible');

      // Assert 2: the server routes the chat to them; the load counts it.
      await chatPanel(officer, citizen.conversationId).waitFor();
      await officer.getByTestId('officer-load').filter({ hasText: '1 / 3 conversations' }).waitFor();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show when the citizen of a held chat drops and comes back',
    async () => {
      // Arrange: a chat the officer holds; the server keeps it 60 s for a citizen who drops.
      const app = await suite.boot({ CITIZEN_RECONNECT_GRACE_SECONDS: '60' });
      const officer = await openOfficerConsole(app);
      const { citizen, panel } = await holdChatInConsole(officer, app.baseUrl);
      const presence = panel.getByTestId('citizen-presence');

      // Act 1: the citizen's network drops.
      citizen.socket.disconnect();

      // Assert 1
      await presence.filter({ hasText: 'Citoyen déconnecté' }).waitFor();

      // Act 2: the citizen comes back with their resume token.
      const back = await connectCitizen(app.baseUrl, { resumeToken: citizen.started.resumeToken });

      // Assert 2: same conversation, and the console says the citizen is back.
      expect(back.conversationId).toBe(citizen.conversationId);
      await presence.filter({ hasText: 'Citoyen reconnecté' }).waitFor();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should refuse to sign out while a chat is held, and sign out once it is closed (S-10)',
    async () => {
      // Arrange: a chat the officer holds.
      const app = await suite.boot();
      const officer = await openOfficerConsole(app);
      const { citizen, panel } = await holdChatInConsole(officer, app.baseUrl);

      // Act 1
      await officer.getByTestId('logout-button').click();

      // Assert 1: the console asks to transfer or close first, and stays signed in with the chat.
      const blocked = officer.getByTestId('sign-out-blocked');
      await blocked.waitFor();
      expect(await blocked.textContent()).toContain('1 conversation en cours');
      expect(await blocked.textContent()).toContain('Transférez-les à un collègue ou clôturez-les');
      expect(await officer.getByTestId('login-username').count()).toBe(0);
      expect(citizen.events.map(([name]) => name)).not.toContain('conversation:closed');

      // Act 2: the officer closes the chat, then signs out.
      await panel.getByTestId('close-button').click();
      await chooseRadio(panel.getByTestId('close-form'), 'Sans réponse du citoyen');
      await panel.getByTestId('close-confirm').click();
      await panel.getByTestId('chat-closed').waitFor();
      await officer.getByTestId('logout-button').click();

      // Assert 2
      await officer.getByTestId('login-username').waitFor();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show the French reason, not the code, when a take is refused because the officer is at capacity',
    async () => {
      // Arrange: an officer who may hold one chat holds one; another citizen waits.
      const app = await suite.boot();
      const password = await createConsoleAccount(app, OFFICER_USERNAME, OFFICER_NAME, ['officer'], 1);
      const officer = await suite.openConsole(app.baseUrl, OFFICER_USERNAME, password);
      const first = await connectQueuedCitizen(app.baseUrl);
      await queueItem(officer, first.conversationId).waitFor();
      await takeInConsole(officer, first.conversationId);
      await officer.getByTestId('officer-load').filter({ hasText: '1 / 1 conversation' }).waitFor();
      const second = await connectQueuedCitizen(app.baseUrl);
      await queueItem(officer, second.conversationId).waitFor();

      // Act
      await queueItem(officer, second.conversationId).getByTestId('take-button').click();

      // Assert
      const alert = officer.getByTestId('take-error');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('nombre maximal de conversations');
      expect(text).not.toContain('AT_CAPACITY');
      expect(await officer.getByTestId('chat-panel').count()).toBe(1);
      expect(second.events.map(([name]) => name)).not.toContain('handoff:assigned');
    },
    TEST_TIMEOUT_MS,
  );
});

