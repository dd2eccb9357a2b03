import { CITIZEN_PHONE, citizenSends, messagesBy, openCitizenPage } from '../support/browser';
import { createConsoleAccount, useBrowserSuite } from '../support/browser-suite';
import { bootCoreAndEdge, testClusterEnv } from '../support/cluster';
import { requireRedis } from '../support/redis';

/** Jest timeout of the test: two app boots, a sign-in (argon2), two pages. */
const TEST_TIMEOUT_MS = 60_000;
/** A question the bot cannot resolve: it hands the chat to the queue. */
const UNRESOLVABLE = 'Je voudrais savoir où en est l’enquête sur l’affaire de mon frère';

describe('Several instances in the browser: the citizen page on an edge, the console on the core (S-13)', () => {
  const suite = useBrowserSuite();

  beforeAll(async () => {
    await requireRedis();
  });

  it(
    'should carry a whole handoff between a phone on the edge and the console on the core',
    async () => {
      // Arrange: a core and an edge joined over Redis; the console signs in on the core, the phone opens the edge.
      const { core, edge } = await bootCoreAndEdge(testClusterEnv(), (env) => suite.boot(env));
      const consolePage = await suite.openConsole(core.baseUrl, 'cluster.officer', await createConsoleAccount(core, 'cluster.officer', 'Brigadier Relais'));
      const phone = await openCitizenPage(await suite.newContext(CITIZEN_PHONE), edge.baseUrl);

      // Act 1: the citizen asks what the bot cannot answer.
      await citizenSends(phone, UNRESOLVABLE);

      // Assert 1: the chat appears in the console's queue without a reload; the officer takes it.
      const item = consolePage.getByTestId('queue-item').first();
      await item.waitFor();
      const conversationId = await item.getAttribute('data-conversation-id');
      await item.getByTestId('take-button').click();
      const panel = consolePage.locator(`[data-testid="chat-panel"][data-conversation-id="${conversationId}"]`);
      await messagesBy(panel, 'system').filter({ hasText: 'a rejoint la conversation' }).waitFor();

      // Act 2: the officer writes from the core; the citizen answers from the edge.
      await panel.getByTestId('reply-input').fill('Bonjour, je suis le brigadier Relais.');
      await panel.getByTestId('reply-send').click();
      await messagesBy(phone, 'officer').filter({ hasText: 'brigadier Relais' }).waitFor();
      await citizenSends(phone, 'Merci de votre réponse');

      // Assert 2: each side shows the other's words.
      await panel.locator('[data-testid="message"]').filter({ hasText: 'Merci de votre réponse' }).waitFor();
      expect(await messagesBy(phone, 'officer').count()).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );
});
