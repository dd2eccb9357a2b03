import type { Locator, Page } from 'playwright-core';
import request from 'supertest';
import { seriousAccessibilityViolations, signInConsole } from '../support/browser';
import { createConsoleAccount, useBrowserSuite } from '../support/browser-suite';
import type { TestApp } from '../support/create-test-app';

/** Jest timeout of one test: an app boot, sign-ins and a password change (argon2 each), page loads. */
const TEST_TIMEOUT_MS = 45_000;

const OFFICER_USERNAME = 'ui.account';
const OFFICER_NAME = 'Brigadière Compte';
/** 16 characters: within the 12 to 128 the server accepts. */
const NEW_PASSWORD = 'cheval-agrafe-42';
const PASSWORD_URL = '/api/v1/auth/password';

/** What the officer types in the form. */
interface PasswordChangeEntry {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

/** Opens « Changer mon mot de passe » from the console header; resolves with the dialog once it is shown. */
async function openPasswordDialog(page: Page): Promise<Locator> {
  await page.getByTestId('change-password-button').click();
  const dialog = page.getByRole('dialog', { name: 'Changer mon mot de passe' });
  await dialog.getByTestId('current-password').waitFor({ state: 'visible' });
  return dialog;
}

/** Fills the three fields of the dialog and presses « Enregistrer ». */
async function submitPasswordChange(dialog: Locator, entry: PasswordChangeEntry): Promise<void> {
  await dialog.getByTestId('current-password').fill(entry.currentPassword);
  await dialog.getByTestId('new-password').fill(entry.newPassword);
  await dialog.getByTestId('new-password-confirmation').fill(entry.confirmation);
  await dialog.getByTestId('password-change-submit').click();
}

/** Resolves with the status of the next answer to `POST /api/v1/auth/password` the page receives. */
async function passwordAnswerStatus(page: Page): Promise<number> {
  const response = await page.waitForResponse((candidate) => candidate.url().endsWith(PASSWORD_URL));
  return response.status();
}

/** Whether `password` signs `OFFICER_USERNAME` in over HTTP (200) or not (401). */
async function signsIn(app: TestApp, password: string): Promise<boolean> {
  const response = await request(app.baseUrl).post('/api/v1/auth/login').send({ username: OFFICER_USERNAME, password });
  expect([200, 401]).toContain(response.status);
  return response.status === 200;
}

describe('Password change in the officer console', () => {
  const suite = useBrowserSuite();

  /** Boots an app with the officer's account and signs it in through the form; resolves with its password. */
  async function signedInOfficer(): Promise<{ app: TestApp; page: Page; password: string }> {
    const app = await suite.boot();
    const password = await createConsoleAccount(app, OFFICER_USERNAME, OFFICER_NAME);
    const page = await suite.openConsole(app.baseUrl, OFFICER_USERNAME, password);
    return { app, page, password };
  }

  it(
    'should change the password, say « Mot de passe modifié », and sign in with the new one after signing out',
    async () => {
      // Arrange: the dialog, with its rule and the autocomplete hints password managers read.
      const { app, page, password } = await signedInOfficer();
      const dialog = await openPasswordDialog(page);
      expect(await dialog.textContent()).toContain('Entre 12 et 128 caractères');
      expect(await dialog.getByTestId('current-password').getAttribute('autocomplete')).toBe('current-password');
      expect(await dialog.getByTestId('new-password').getAttribute('autocomplete')).toBe('new-password');
      expect(await dialog.getByTestId('new-password-confirmation').getAttribute('autocomplete')).toBe('new-password');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Act 1
      const answered = passwordAnswerStatus(page);
      await submitPasswordChange(dialog, { currentPassword: password, newPassword: NEW_PASSWORD, confirmation: NEW_PASSWORD });

      // Assert 1: the server took it; the old password no longer signs in, the new one does.
      expect(await answered).toBe(204);
      await dialog.getByTestId('password-changed').filter({ hasText: 'Mot de passe modifié' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await signsIn(app, password)).toBe(false);

      // Act 2: close the dialog, sign out, sign in again through the form with the new password.
      await dialog.getByTestId('password-change-close').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('logout-button').click();
      await page.getByTestId('login-username').waitFor();
      await signInConsole(page, app.baseUrl, OFFICER_USERNAME, NEW_PASSWORD);

      // Assert 2
      expect(await page.getByTestId('officer-name').textContent()).toBe(OFFICER_NAME);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show « Mot de passe actuel incorrect » and keep the password when the current password is wrong',
    async () => {
      // Arrange: Chromium logs the 401 answer as a console error.
      suite.allowPageErrors(/^console\.error: Failed to load resource: the server responded with a status of 401/);
      const { app, page, password } = await signedInOfficer();
      const dialog = await openPasswordDialog(page);

      // Act
      const answered = passwordAnswerStatus(page);
      await submitPasswordChange(dialog, {
        currentPassword: `${password}-faux`,
        newPassword: NEW_PASSWORD,
        confirmation: NEW_PASSWORD,
      });

      // Assert: the French message in an alert, the form still open, the password unchanged.
      expect(await answered).toBe(401);
      const alert = dialog.getByTestId('password-change-error');
      await alert.filter({ hasText: 'Mot de passe actuel incorrect' }).waitFor();
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await dialog.getByTestId('password-changed').count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await signsIn(app, password)).toBe(true);
      expect(await signsIn(app, NEW_PASSWORD)).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should send nothing and say why in French when the new password is too short or its confirmation differs',
    async () => {
      // Arrange
      const { page, password } = await signedInOfficer();
      const dialog = await openPasswordDialog(page);
      const sent: string[] = [];
      page.on('request', (sentRequest) => {
        if (sentRequest.url().endsWith(PASSWORD_URL)) {
          sent.push(sentRequest.method());
        }
      });

      // Act 1: 11 characters.
      await submitPasswordChange(dialog, { currentPassword: password, newPassword: 'court-11car', confirmation: 'court-11car' });

      // Assert 1: the length rule turns to an error under the field.
      await dialog.locator('.fr-message--error').filter({ hasText: 'Entre 12 et 128 caractères' }).waitFor();

      // Act 2: a valid new password, another confirmation.
      await submitPasswordChange(dialog, { currentPassword: password, newPassword: NEW_PASSWORD, confirmation: `${NEW_PASSWORD}!` });

      // Assert 2
      await dialog.getByText('La confirmation ne correspond pas au nouveau mot de passe.').waitFor();
      expect(await dialog.locator('.fr-message--error').filter({ hasText: 'Entre 12 et 128 caractères' }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(sent).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
