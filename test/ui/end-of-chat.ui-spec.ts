import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import request from 'supertest';
import type { QueueItemView } from '../../src/contracts/socket-events';
import { RATING_TOKEN_TTL_MS } from '../../src/stats/rating.service';
import { CITIZEN_PHONE, citizenSends, messagesBy, openCitizenPage, seriousAccessibilityViolations } from '../support/browser';
import { useBrowserSuite, WAIT_TIMEOUT_MS } from '../support/browser-suite';
import type { TestApp } from '../support/create-test-app';
import { FakeClock } from '../support/fake-clock';
import { useIntentsWithSettings } from '../support/intents-folder';
import { connectOfficer, emitWithAck, type OfficerClient, waitForEvent } from '../support/socket-client';
/** Jest timeout of one test: an app boot, a sign-in (argon2), page loads. */
const TEST_TIMEOUT_MS = 60_000;

/** The fake clock's time: Monday 30 November 2026, 11:00 in Paris (officers answer then). */
const NOW = '2026-11-30T10:00:00Z';
/** `NOW` as the transcript writes it on a phone set to Paris time. */
const NOW_IN_PARIS = '11:00';
const OFFICER_NAME = 'Brigadier Dupont';
/** A question the bot answers with links to official services. */
const FRAUD = 'on a débité ma carte bancaire sans mon accord';

/** The announcement the test app pins (`settings.yaml` of its intents folder); its text carries markup. */
const ANNOUNCEMENT = {
  id: 'greve_transports',
  title: 'Grève des transports',
  text: 'Les commissariats restent ouverts. <b>Pas</b> de rendez-vous annulé.',
  linkTitle: 'Trouver un commissariat',
  url: 'https://www.masecurite.interieur.gouv.fr/fr/demarches-en-ligne/trouver-un-commissariat',
};

/** The shipped settings with one announcement valid around `NOW` (Paris local times). */
const SETTINGS_YAML = `time_zone: Europe/Paris
opening_hours:
  - days: [monday, tuesday, wednesday, thursday, friday, saturday, sunday]
    from: "08:00"
    to: "20:00"
announcements:
  - id: ${ANNOUNCEMENT.id}
    title: ${ANNOUNCEMENT.title}
    text: "${ANNOUNCEMENT.text}"
    valid_from: "2026-11-01 00:00"
    valid_until: "2026-12-31 23:59"
    links:
      - title: ${ANNOUNCEMENT.linkTitle}
        url: ${ANNOUNCEMENT.url}
`;

describe('Citizen page: announcements, rating and transcript', () => {
  const suite = useBrowserSuite();
  const intentsDir = useIntentsWithSettings(() => SETTINGS_YAML);
  let sut: TestApp;
  let clock: FakeClock;
  let officer: OfficerClient;

  beforeEach(async () => {
    clock = new FakeClock(NOW);
    // The citizen stays connected throughout; a grace period keeps their chat if the page blinks.
    sut = await suite.boot({ INTENTS_DIR: intentsDir(), CITIZEN_RECONNECT_GRACE_SECONDS: '120' }, { clock });
    const { accessToken } = await sut.signInOfficer('end.officer', OFFICER_NAME);
    officer = (await connectOfficer(sut.baseUrl, accessToken)).socket;
  }, TEST_TIMEOUT_MS);

  /** The citizen page on a phone (own storage), online; its errors fail the test. */
  async function openPhone(): Promise<Page> {
    return openCitizenPage(await suite.newContext(CITIZEN_PHONE), sut.baseUrl);
  }

  /** Queues the page's citizen with « Parler à un policier », has the officer take the chat; resolves with its id. */
  async function heldChat(page: Page): Promise<string> {
    const listed = waitForEvent<{ items: QueueItemView[] }>(officer, 'handoff:queue', ({ items }) => items.length === 1, WAIT_TIMEOUT_MS);
    await page.getByTestId('handoff-button').click();
    const [{ conversationId }] = (await listed).items;
    expect(await emitWithAck(officer, 'handoff:take', { conversationId })).toEqual({ ok: true });
    await page.getByTestId('officer-joined').filter({ hasText: OFFICER_NAME }).waitFor();
    return conversationId;
  }

  /** The officer closes the chat; resolves once the page shows it closed, with the rating form. */
  async function officerCloses(page: Page, conversationId: string): Promise<void> {
    expect(await emitWithAck(officer, 'conversation:close', { conversationId, outcome: 'answered' })).toEqual({ ok: true });
    await page.getByTestId('conversation-closed').waitFor();
    await page.getByTestId('chat-rating').waitFor();
  }

  it(
    'should pin the announcement on top of the chat, its text as text and its link opened without access to the page',
    async () => {
      // Arrange
      const page = await openPhone();

      // Act
      const announcement = page.getByTestId('announcement');
      await announcement.waitFor();

      // Assert
      expect(await announcement.count()).toBe(1);
      expect(await announcement.getByRole('heading', { level: 2 }).textContent()).toBe(ANNOUNCEMENT.title);
      expect(await announcement.textContent()).toContain(ANNOUNCEMENT.text);
      expect(await announcement.locator('b').count()).toBe(0);
      const link = announcement.getByRole('link', { name: ANNOUNCEMENT.linkTitle });
      expect(await link.getAttribute('href')).toBe(ANNOUNCEMENT.url);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect((await link.getAttribute('rel'))?.split(/\s+/).sort()).toEqual(['noopener', 'noreferrer']);
      const [announcementTop, privacyTop] = await Promise.all(
        [announcement, page.getByTestId('privacy-notice')].map(async (element) => (await element.boundingBox())?.y ?? -1),
      );
      expect(announcementTop).toBeLessThan(privacyTop);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should send the chosen score with the rating token and thank the citizen when the officer closed the chat',
    async () => {
      // Arrange
      const page = await openPhone();
      const conversationId = await heldChat(page);
      await officerCloses(page, conversationId);
      expect(await page.getByTestId('chat-rating').textContent()).toContain("Comment s'est passé cet échange ?");
      expect(await page.getByTestId('message-input').isDisabled()).toBe(true);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Act: four stars, by their visible label; the radio behind it carries the French name.
      await page.locator('label[for="chat-rating-4"]').click();
      expect(await page.getByRole('radio', { name: '4 sur 5 : bien' }).isChecked()).toBe(true);
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/ratings'));
      await page.getByTestId('rating-submit').click();
      const response = await answered;

      // Assert: the score and a token went to the server, which took it; the citizen is thanked.
      expect(response.status()).toBe(204);
      const sent = response.request().postDataJSON() as { ratingToken: string; score: number };
      expect(sent).toEqual({ ratingToken: expect.stringMatching(/^[\w-]{16,}$/), score: 4 });
      await page.getByTestId('rating-result').filter({ hasText: 'Merci pour votre avis.' }).waitFor();
      expect(await page.getByTestId('chat-rating').count()).toBe(0);
      // Single use: the server consumed the token, so the rating was counted once.
      await request(sut.baseUrl).post('/api/v1/ratings').send(sent).expect(404);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should answer with a polite notice, not an error, when the rating token has expired',
    async () => {
      // Arrange
      const page = await openPhone();
      const conversationId = await heldChat(page);
      await officerCloses(page, conversationId);
      clock.tick(RATING_TOKEN_TTL_MS + 1_000);
      suite.allowPageErrors(/^console\.error: Failed to load resource: the server responded with a status of 404/);

      // Act
      await page.locator('label[for="chat-rating-2"]').click();
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/ratings'));
      await page.getByTestId('rating-submit').click();

      // Assert
      expect((await answered).status()).toBe(404);
      const notice = page.getByTestId('rating-result');
      await notice.waitFor();
      expect(await notice.textContent()).toContain("Votre avis n'a pas pu être pris en compte");
      expect(await notice.getAttribute('class')).not.toContain('fr-alert--error');
      expect(await page.getByRole('alert').count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should download the conversation as a text file built in the browser when the citizen ended the chat',
    async () => {
      // Arrange: a bot answer with links, an officer's two-line reply, the citizen's answer, then « Terminer ».
      const page = await openPhone();
      await citizenSends(page, FRAUD);
      const botAnswer = messagesBy(page, 'bot').last();
      const cards = await botAnswer
        .getByTestId('link-card')
        .evaluateAll((anchors) => anchors.map((anchor) => ({ title: anchor.textContent ?? '', url: anchor.getAttribute('href') ?? '' })));
      expect(cards.length).toBeGreaterThan(0);
      const conversationId = await heldChat(page);
      await emitWithAck(officer, 'conversation:message', { conversationId, text: 'Bonjour.\nJe regarde votre dossier.' });
      await messagesBy(page, 'officer').waitFor();
      await citizenSends(page, 'Merci beaucoup.');
      await page.getByTestId('leave-button').click();
      await page.getByTestId('leave-cancel').click();
      expect(await page.getByTestId('message-input').isDisabled()).toBe(false);
      await page.getByTestId('leave-button').click();
      await page.getByTestId('leave-confirm').click();
      await page.getByTestId('transcript-download').waitFor();
      const messageCount = await page.getByTestId('message').count();

      // Act
      const downloading = page.waitForEvent('download');
      await page.getByTestId('transcript-download').click();
      const download = await downloading;
      const file = await download.path();

      // Assert: the file name, then one entry per message, times in Paris, links under their message.
      expect(download.suggestedFilename()).toBe('conversation-police-2026-11-30-1100.txt');
      expect(download.url()).toMatch(/^blob:/);
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines.filter((line) => line.startsWith('['))).toHaveLength(messageCount);
      expect(lines[0]).toBe(`[${NOW_IN_PARIS}] Vous : ${FRAUD}`);
      expect(lines[1]).toMatch(new RegExp(`^\\[${NOW_IN_PARIS}\\] Assistant automatique : .+`));
      for (const card of cards) {
        expect(lines).toContain(`    - ${card.title.trim()} : ${card.url}`);
      }
      const officerLine = lines.indexOf(`[${NOW_IN_PARIS}] Policier (${OFFICER_NAME}) : Bonjour.`);
      expect(officerLine).toBeGreaterThan(1);
      expect(lines[officerLine + 1]).toBe('    Je regarde votre dossier.');
      expect(lines).toContain(`[${NOW_IN_PARIS}] Vous : Merci beaucoup.`);
      expect(lines.some((line) => line.startsWith(`[${NOW_IN_PARIS}] Service : `))).toBe(true);
      expect(await page.getByTestId('end-of-chat').textContent()).toContain("le service n'en garde aucune copie");
      expect(await page.getByTestId('privacy-notice').textContent()).toContain('le fichier reste sur votre appareil');
    },
    TEST_TIMEOUT_MS,
  );
});
