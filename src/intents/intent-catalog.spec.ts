import { makeCatalog, makeIntent } from '../../test/support/factories';
import { answerAt, catalogInForce, isInForce, variantInForce } from './intent-catalog';

const DECEMBER_1 = Date.parse('2026-11-30T23:00:00Z');
const JANUARY_1 = Date.parse('2026-12-31T23:00:00Z');
const CHRISTMAS_EVE = Date.parse('2026-12-24T11:00:00Z');
const DECEMBER_27 = Date.parse('2026-12-26T23:00:00Z');

const christmasMarket = makeIntent({ id: 'christmas_market', validity: { validFrom: DECEMBER_1, validUntil: JANUARY_1 } });
const lostProperty = makeIntent({
  id: 'lost_property',
  answerEn: { text: 'Report the loss online.', links: [] },
  variants: [
    { answer: { text: 'Fermé pour les fêtes.', links: [] }, validity: { validFrom: CHRISTMAS_EVE, validUntil: DECEMBER_27 } },
    { answer: { text: 'Fermé tout décembre.', links: [] }, answerEn: { text: 'Closed in December.', links: [] }, validity: { validFrom: DECEMBER_1, validUntil: JANUARY_1 } },
  ],
});
const emergency = makeIntent({ id: 'emergency', outcome: 'emergency' });

describe(isInForce.name, () => {
  it('should include the start and exclude the end of a period', () => {
    const validity = { validFrom: DECEMBER_1, validUntil: JANUARY_1 };

    expect([DECEMBER_1 - 1, DECEMBER_1, JANUARY_1 - 1, JANUARY_1].map((at) => isInForce(validity, at))).toEqual([false, true, true, false]);
  });

  it('should read an absent validity or a null bound as open', () => {
    expect(isInForce(undefined, 0)).toBe(true);
    expect(isInForce({ validFrom: null, validUntil: JANUARY_1 }, 0)).toBe(true);
    expect(isInForce({ validFrom: DECEMBER_1, validUntil: null }, Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});

describe(catalogInForce.name, () => {
  const catalog = makeCatalog([christmasMarket, emergency, lostProperty]);

  it('should give the catalog itself when every intent is in force', () => {
    expect(catalogInForce(catalog, DECEMBER_1)).toBe(catalog);
  });

  it('should leave out the intents outside their period, and give the same view while nothing changes', () => {
    const sut = catalogInForce(catalog, DECEMBER_1 - 1);

    expect(sut.intents.map((intent) => intent.id)).toEqual(['emergency', 'lost_property']);
    expect(sut.version).toBe(catalog.version);
    expect(Object.isFrozen(sut.intents)).toBe(true);
    expect(catalogInForce(catalog, JANUARY_1)).toBe(sut);
  });
});

describe(answerAt.name, () => {
  it('should answer with the first variant in force, else with the intent’s own answer', () => {
    expect(answerAt(lostProperty, 'fr', DECEMBER_1 - 1).text).toBe(lostProperty.answer.text);
    expect(answerAt(lostProperty, 'fr', DECEMBER_1).text).toBe('Fermé tout décembre.');
    expect(answerAt(lostProperty, 'fr', CHRISTMAS_EVE).text).toBe('Fermé pour les fêtes.');
    expect(answerAt(lostProperty, 'fr', DECEMBER_27).text).toBe('Fermé tout décembre.');
    expect(answerAt(lostProperty, 'fr', JANUARY_1).text).toBe(lostProperty.answer.text);
  });

  it('should answer English messages with the variant’s English text, else its French text, never the out-of-period English answer', () => {
    expect(answerAt(lostProperty, 'en', DECEMBER_1 - 1).text).toBe('Report the loss online.');
    expect(answerAt(lostProperty, 'en', DECEMBER_1).text).toBe('Closed in December.');
    expect(answerAt(lostProperty, 'en', CHRISTMAS_EVE).text).toBe('Fermé pour les fêtes.');
  });

  it('should name the variant in force by its index', () => {
    expect([DECEMBER_1 - 1, DECEMBER_1, CHRISTMAS_EVE].map((at) => variantInForce(lostProperty, at))).toEqual([null, 1, 0]);
  });
});
