import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { IntentSuggestion, OfficerRole } from '../../src/contracts/socket-events';
import { OfficerAccountStore } from '../../src/officers/officer-account.store';
import {
  assertWebAppsBuilt,
  collectPageErrors,
  launchBrowser,
  seriousAccessibilityViolations,
} from '../support/browser';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { closeAllSockets } from '../support/socket-client';

/** How long one browser wait (locator, function) may take before it fails with what it waited for. */
const WAIT_TIMEOUT_MS = 5_000;
/** Jest timeout of one test: an app boot, sign-ins (argon2), page loads and waits. */
const TEST_TIMEOUT_MS = 45_000;

const EDITOR_USERNAME = 'ui.editor';
const EDITOR_NAME = 'Lieutenante Catalogue';
/** A sentence the shipped `intents/fraud.yaml` answers (its rule on « leboncoin »). */
const FRAUD_SENTENCE = 'je me suis fait arnaquer sur leboncoin';
/** A French mobile number, in the spacing officers type; the server must mask it before keeping the suggestion. */
const PHONE_NUMBER = '06 12 34 56 78';

describe('Editor page of the officer console', () => {
  let browser: Browser;
  let sut: TestApp | undefined;
  let contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    assertWebAppsBuilt();
    browser = await launchBrowser();
  }, TEST_TIMEOUT_MS);

  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    closeAllSockets();
    await sut?.close();
    sut = undefined;
    const errors = pageErrors;
    pageErrors = [];
    if (errors.length > 0) {
      throw new Error(`The console reported errors:\n${errors.join('\n')}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Boots a fresh app for this test (closed in afterEach). */
  async function startApp(): Promise<TestApp> {
    sut = await createTestApp({});
    return sut;
  }

  /** Creates an account in `app` and returns its password, for the sign-in form. */
  async function createAccount(app: TestApp, username: string, displayName: string, roles: OfficerRole[]): Promise<string> {
    const { password } = await new OfficerAccountStore(app.dataDir).create(username, displayName, roles);
    return password;
  }

  /**
   * Signs `username` in through the console's form in a new desktop context (French, Paris time) and resolves once
   * the socket is connected and the first roster has arrived, so every role-dependent control is rendered.
   */
  async function openConsole(app: TestApp, username: string, password: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(WAIT_TIMEOUT_MS);
    contexts.push(context);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    page.on('close', () => pageErrors.push(...errors));
    await page.goto(`${app.baseUrl}/agent/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('officer-name').waitFor();
    await page.getByText('Connecté', { exact: true }).waitFor();
    await page.getByTestId('officer-load').filter({ hasText: /\d+ \/ \d+ conversation/ }).waitFor();
    return page;
  }

  /** Opens « Éditeur » and resolves once the catalogue is listed. */
  async function openEditorTab(page: Page): Promise<void> {
    await page.getByRole('tab', { name: 'Éditeur' }).click();
    await page.getByTestId('editor-page').getByTestId('editor-intent').first().waitFor();
  }

  it(
    'should show the editor tab to editors only, list the intents and decide a sentence in the playground',
    async () => {
      // Arrange: an editor and a plain officer sign in.
      const app = await startApp();
      const editorPassword = await createAccount(app, EDITOR_USERNAME, EDITOR_NAME, ['officer', 'editor']);
      const officerPassword = await createAccount(app, 'ui.officer', 'Brigadier Console', ['officer']);
      const editor = await openConsole(app, EDITOR_USERNAME, editorPassword);
      const officer = await openConsole(app, 'ui.officer', officerPassword);

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
      const app = await startApp();
      const suggester = await app.signInOfficer('ui.suggester', 'Brigadier Suggestion');
      const posted = await request(app.baseUrl)
        .post('/api/v1/suggestions')
        .set('Authorization', `Bearer ${suggester.accessToken}`)
        .send({ intent: 'fraud', utterance: `un vendeur m'a escroqué, rappelez-moi au ${PHONE_NUMBER}` })
        .expect(201);
      const suggestion = posted.body as IntentSuggestion;
      const editorPassword = await createAccount(app, EDITOR_USERNAME, EDITOR_NAME, ['officer', 'editor']);
      const editor = await openConsole(app, EDITOR_USERNAME, editorPassword);

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
});
