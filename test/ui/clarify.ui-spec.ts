import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { assertWebAppsBuilt, collectPageErrors, launchBrowser } from '../support/browser';
import { createTestApp, type TestApp } from '../support/create-test-app';

/** How long one browser wait may take. */
const WAIT_TIMEOUT_MS = 5_000;

describe('Quick replies on the citizen page', () => {
  let sut: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    assertWebAppsBuilt();
    sut = await createTestApp({ INTENTS_DIR: join(__dirname, '..', 'fixtures', 'intents', 'clarify') });
    browser = await launchBrowser();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('should answer the intent the citizen picks among the quick replies when the question is ambiguous', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${sut.baseUrl}/`);

    await page.getByTestId('message-input').fill('un litige');
    await page.getByTestId('send-button').click();
    const replies = page.getByTestId('quick-reply');
    await replies.first().waitFor({ timeout: WAIT_TIMEOUT_MS });
    expect(await replies.allTextContents()).toEqual(expect.arrayContaining(['Intention shop_dispute', 'Intention seller_dispute']));
    await page.getByRole('button', { name: 'Intention shop_dispute' }).click();

    const answer = page.locator('[data-testid="message"][data-author="bot"]').filter({ hasText: 'Réponse de l\'intention shop_dispute.' });
    await answer.waitFor({ timeout: WAIT_TIMEOUT_MS });
    expect(await page.getByTestId('quick-reply').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);
});
