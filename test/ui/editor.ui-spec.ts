import type { Page } from 'playwright-core';
import request from 'supertest';
import type { IntentSuggestion } from '../../src/contracts/socket-events';
import { seriousAccessibilityViolations } from '../support/browser';
import { createConsoleAccount, useBrowserSuite } from '../support/browser-suite';
import { connectQueuedCitizen } from '../support/socket-client';
/** Jest timeout of one test: an app boot, sign-ins (argon2), page loads and waits. */
const TEST_TIMEOUT_MS = 45_000;

const EDITOR_USERNAME = 'ui.editor';
const EDITOR_NAME = 'Lieutenante Catalogue';
/** A sentence the shipped `intents/fraud.yaml` answers (its rule on « leboncoin »). */
const FRAUD_SENTENCE = 'je me suis fait arnaquer sur leboncoin';
/** A French mobile number, in the spacing officers type; the server must mask it before keeping the suggestion. */
const PHONE_NUMBER = '06 12 34 56 78';

describe('Editor page of the officer console', () => {
  const suite = useBrowserSuite();

  /** Opens « Éditeur » and resolves once the catalogue is listed. */
  async function openEditorTab(page: Page): Promise<void> {
    await page.getByRole('tab', { name: 'Éditeur' }).click();
    await page.getByTestId('editor-page').getByTestId('editor-intent').first().waitFor();
  }

  it(
    'should show the editor tab to editors only, list the intents and decide a sentence in the playground',
    async () => {
      // Arrange: an editor and a plain officer sign in.
      const app = await suite.boot();
      const editorPassword = await createConsoleAccount(app, EDITOR_USERNAME, EDITOR_NAME, ['officer', 'editor']);
      const officerPassword = await createConsoleAccount(app, 'ui.officer', 'Brigadier Console', ['officer']);
      const editor = await suite.openConsole(app.baseUrl, EDITOR_USERNAME, editorPassword);
      const officer = await suite.openConsole(app.baseUrl, 'ui.officer', officerPassword);

      // Act 1: the editor opens « Éditeur ».
      await openEditorTab(editor);

      // Assert 1: the shipped catalogue is listed without errors; the plain officer has no such tab.
      const page = editor.getByTestId('editor-page');
      const fraud = page.locator('[data-testid="editor-intent"][data-intent-id="fraud"]');
      await fraud.waitFor();
      expect(await fraud.textContent()).toContain('Arnaque ou escroquerie');
      expect(await page.getByTestId('editor-intent').count()).toBeGreaterThan(10);
      await page.getByTestId('editor-no-errors').waitFor();
      expect(await page.getByTestId('editor-error').count()).toBe(0);
      expect(await officer.getByRole('tab', { name: 'Éditeur' }).count()).toBe(0);
      expect(await officer.getByTestId('editor-page').count()).toBe(0);

      // Act 2: the search keeps only matching intents.
      await page.getByTestId('intent-search').fill('escroquerie');

      // Assert 2: fraud is still listed, most others are not.
      await page.getByTestId('intent-count').filter({ hasText: / sur / }).waitFor();
      expect(await fraud.count()).toBe(1);

      // Act 3: the editor tests a sentence in the playground.
      await page.getByTestId('playground-input').fill(FRAUD_SENTENCE);
      await page.getByTestId('playground-submit').click();

      // Assert 3: the decision names fraud, with its confidence and a compact trace.
      const result = page.getByTestId('playground-result');
      await result.getByTestId('playground-intent').filter({ hasText: /^fraud$/ }).waitFor();
      expect(await result.getByTestId('playground-outcome').textContent()).toBe('Réponse automatique');
      expect(await result.getByTestId('playground-confidence').textContent()).toMatch(/^\d+\u202f%$/);
      expect(await result.getByTestId('playground-words').textContent()).toContain('leboncoin');
      expect(await result.getByTestId('playground-scores').locator('li').first().textContent()).toMatch(/^fraud :/);
      expect(await seriousAccessibilityViolations(editor)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "should list an officer's suggestion with the phone number masked and drop it once marked « Traité »",
    async () => {
      // Arrange: an officer suggests an example over HTTP, with a phone number in it.
      const app = await suite.boot();
      const suggester = await app.signInOfficer('ui.suggester', 'Brigadier Suggestion');
      const posted = await request(app.baseUrl)
        .post('/api/v1/suggestions')
        .set('Authorization', `Bearer ${suggester.accessToken}`)
        .send({ intent: 'fraud', utterance: `un vendeur m'a escroqué, rappelez-moi au ${PHONE_NUMBER}` })
        .expect(201);
      const suggestion = posted.body as IntentSuggestion;
      const editorPassword = await createConsoleAccount(app, EDITOR_USERNAME, EDITOR_NAME, ['officer', 'editor']);
      const editor = await suite.openConsole(app.baseUrl, EDITOR_USERNAME, editorPassword);

      // Act 1: the editor opens « Éditeur ».
      await openEditorTab(editor);

      // Assert 1: the suggestion is listed, number masked, with the officer's name.
      const entry = editor.locator(`[data-testid="editor-suggestion"][data-suggestion-id="${suggestion.id}"]`);
      await entry.waitFor();
      const utterance = await entry.getByTestId('suggestion-utterance').textContent();
      expect(utterance).toContain('[téléphone]');
      expect(utterance).not.toContain(PHONE_NUMBER);
      expect(utterance?.replace(/\D/g, '')).not.toContain('0612345678');
      expect(await entry.textContent()).toContain('Brigadier Suggestion');
      expect(await seriousAccessibilityViolations(editor)).toEqual([]);

      // Act 2: the editor marks it handled.
      await entry.getByTestId('suggestion-resolve').click();

      // Assert 2: it leaves the page and the server no longer keeps it.
      await entry.waitFor({ state: 'detached' });
      const reviewer = await app.signInOfficer('ui.reviewer', 'Relecteur', ['editor']);
      const listed = await request(app.baseUrl)
        .get('/api/v1/suggestions')
        .set('Authorization', `Bearer ${reviewer.accessToken}`)
        .expect(200);
      expect((listed.body as IntentSuggestion[]).map((kept) => kept.id)).not.toContain(suggestion.id);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should open an editor-only account on the editor page, with no queue, no conversation and no status',
    async () => {
      // Arrange: an account with the editor role only, and a citizen waiting for an officer.
      const app = await suite.boot();
      const password = await createConsoleAccount(app, 'ui.redaction', 'Rédaction seule', ['editor']);
      await connectQueuedCitizen(app.baseUrl);

      // Act: the editor signs in.
      const page = await suite.openConsole(app.baseUrl, 'ui.redaction', password);

      // Assert: the editor page shows at once; nothing of the queue or of citizens' chats, no officer status.
      await page.getByTestId('editor-page').getByTestId('editor-intent').first().waitFor();
      expect(await page.getByRole('tab', { name: 'Conversations' }).count()).toBe(0);
      expect(await page.getByLabel("File d'attente").count()).toBe(0);
      expect(await page.locator('.shift-bar').count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
