import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { OrientationSection } from '../../src/contracts/socket-events';
import { inspectSettingsFile } from '../../src/schedule/settings-loader';
import { CITIZEN_PHONE, citizenSends, openCitizenPage, seriousAccessibilityViolations } from '../support/browser';
import { useBrowserSuite } from '../support/browser-suite';
import type { TestApp } from '../support/create-test-app';
import { FakeClock } from '../support/fake-clock';
import { SHIPPED_INTENTS, useIntentsWithSettings } from '../support/intents-folder';

/** Jest timeout of one test: an app boot and page loads. */
const TEST_TIMEOUT_MS = 60_000;
/** The fake clock's time: Monday 30 November 2026, 11:00 in Paris. */
const NOW = '2026-11-30T10:00:00Z';
/** Smallest tap target a link of the menu may have, in CSS pixels (WCAG 2.2, 2.5.5 target size, 44 × 44). */
const MIN_TARGET_PX = 44;


/** A section in force at `NOW` (from 27 November 2026), whose title carries markup that must stay text. */
const CURRENT_SECTION = {
  id: 'marche_de_noel',
  title: 'Marché de <b>Noël</b>',
  linkTitle: 'Ma Sécurité – trouver une unité et ses horaires',
  url: 'https://www.masecurite.interieur.gouv.fr',
};
/** A section whose period ended in 2024: never shown at `NOW`. */
const ENDED_SECTION_TITLE = 'Jeux olympiques 2024';

/** The shipped `settings.yaml` (whose last key is `orientation`) with the two sections above added to its menu. */
function settingsWithTimeBoxedSections(): string {
  return `${readFileSync(join(SHIPPED_INTENTS, 'settings.yaml'), 'utf8')}  - id: jeux_olympiques
    title: ${ENDED_SECTION_TITLE}
    links:
      - title: "Ma Sécurité – informations officielles police et gendarmerie"
        url: "https://www.masecurite.interieur.gouv.fr"
    valid_from: "2024-07-26 00:00"
    valid_until: "2024-08-12 00:00"
  - id: ${CURRENT_SECTION.id}
    title: "${CURRENT_SECTION.title}"
    links:
      - title: "${CURRENT_SECTION.linkTitle}"
        url: "${CURRENT_SECTION.url}"
    valid_from: "2026-11-27 00:00"
`;
}

/** The shipped orientation sections, as the service reads them (always in force). */
function shippedSections(): OrientationSection[] {
  const { settings, errors } = inspectSettingsFile(SHIPPED_INTENTS);
  if (settings === undefined) {
    throw new Error(`The shipped settings.yaml is invalid: ${JSON.stringify(errors)}`);
  }
  return settings.orientation.map(({ section }) => section);
}

/** The links of one section of the menu as the page renders them. */
async function linksOf(section: Locator): Promise<{ title: string; url: string | null; target: string | null; rel: string | null }[]> {
  return section.getByRole('link').evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      title: anchor.textContent ?? '',
      url: anchor.getAttribute('href'),
      target: anchor.getAttribute('target'),
      rel: anchor.getAttribute('rel'),
    })),
  );
}

describe('Citizen page: orientation menu', () => {
  const suite = useBrowserSuite();
  const intentsDir = useIntentsWithSettings(settingsWithTimeBoxedSections);
  let sut: TestApp;

  beforeEach(async () => {
    sut = await suite.boot({ INTENTS_DIR: intentsDir() }, { clock: new FakeClock(NOW) });
  }, TEST_TIMEOUT_MS);

  /** The citizen page on a phone (own storage), online; its errors fail the test. */
  async function openPhone(): Promise<Page> {
    return openCitizenPage(await suite.newContext(CITIZEN_PHONE), sut.baseUrl);
  }

  it(
    'should show the shipped sections and the one in force, each opening on its links, above the chat, and not the ended one',
    async () => {
      // Arrange
      const expected = [
        ...shippedSections(),
        { id: CURRENT_SECTION.id, title: CURRENT_SECTION.title, links: [{ title: CURRENT_SECTION.linkTitle, url: CURRENT_SECTION.url }] },
      ];
      expect(expected.map((section) => section.title).slice(0, 3)).toEqual(['Je suis victime', 'Je veux signaler', "Je m'informe"]);
      const page = await openPhone();
      const menu = page.getByTestId('orientation-menu');
      await menu.waitFor();

      // Act: the citizen taps each section open in turn (a DSFR accordions group keeps one open at a time).
      const sections = menu.getByTestId('orientation-section');
      const titles = await sections.getByRole('heading', { level: 3 }).allTextContents();
      const shown: Awaited<ReturnType<typeof linksOf>>[] = [];
      const heights: number[] = [];
      for (const [index, section] of expected.entries()) {
        await menu.getByRole('button', { name: section.title, exact: true }).click();
        await sections.nth(index).getByRole('link').first().waitFor({ state: 'visible' });
        shown.push(await linksOf(sections.nth(index)));
        heights.push(...(await sections.nth(index).getByRole('link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getBoundingClientRect().height))));
      }

      // Assert: the sections in the file's order, titles as text; each section's links, opened in a new tab without
      // access to the page, big enough for a thumb.
      expect(titles).toEqual(expected.map((section) => section.title));
      expect(await menu.textContent()).not.toContain(ENDED_SECTION_TITLE);
      expect(await menu.locator('b').count()).toBe(0);
      expect(shown).toEqual(
        expected.map((section) => section.links.map((link) => ({ title: link.title, url: link.url, target: '_blank', rel: 'noopener noreferrer' }))),
      );
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(MIN_TARGET_PX);
      const [menuBox, privacyBox, fieldBox] = await Promise.all(
        [menu, page.getByTestId('privacy-notice'), page.getByTestId('message-input')].map((element) => element.boundingBox()),
      );
      expect(menuBox?.y).toBeLessThan(privacyBox?.y ?? -1);
      expect(menuBox?.y).toBeLessThan(fieldBox?.y ?? -1);
      expect(await menu.getByTestId('orientation-toggle').count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should fold the menu into « Vous orienter » once the citizen has written, and open it again on a tap',
    async () => {
      // Arrange
      const page = await openPhone();
      const menu = page.getByTestId('orientation-menu');
      await menu.getByTestId('orientation-section').first().waitFor();

      // Act 1: the citizen writes.
      await citizenSends(page, 'bonjour');

      // Assert 1: the sections are hidden behind the heading's button, closed.
      const toggle = menu.getByTestId('orientation-toggle');
      await toggle.waitFor();
      expect(await toggle.textContent()).toBe('Vous orienter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await menu.getByTestId('orientation-section').first().waitFor({ state: 'hidden' });
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Act 2: the citizen opens the menu again.
      await toggle.click();

      // Assert 2: the sections are back, and the button says so.
      await menu.getByRole('button', { name: 'Je veux signaler', exact: true }).waitFor({ state: 'visible' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await menu.getByTestId('orientation-section').count()).toBe(4);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
