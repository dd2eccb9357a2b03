import { join } from 'node:path';
import { useBrowserSuite, WAIT_TIMEOUT_MS } from '../support/browser-suite';

describe('Quick replies on the citizen page', () => {
  const suite = useBrowserSuite();

  it('should answer the intent the citizen picks among the quick replies when the question is ambiguous', async () => {
    const sut = await suite.boot({ INTENTS_DIR: join(__dirname, '..', 'fixtures', 'intents', 'clarify') });
    const context = await suite.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
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
    expect(suite.pageErrors()).toEqual([]);
  }, 30_000);
});
