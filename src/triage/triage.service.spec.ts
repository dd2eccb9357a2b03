import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import type { IntentCatalog, IntentRule } from '../intents/intent-catalog';
import type { IntentCatalogService } from '../intents/intent-catalog.service';
import { loadIntentCatalog } from '../intents/intent-loader';
import { IntentMatcher } from './intent-matcher';
import { FALLBACK_REPLY, TriageService } from './triage.service';

function makeIntent(overrides: Partial<IntentRule> & Pick<IntentRule, 'id'>): IntentRule {
  return {
    title: overrides.id,
    outcome: 'answer',
    keywords: [],
    examples: [],
    answer: { text: `réponse ${overrides.id}`, links: [{ title: 'Lien', url: `https://example.gouv.fr/${overrides.id}` }] },
    sourceFile: `${overrides.id}.yaml`,
    ...overrides,
  };
}

function makeCatalog(intents: IntentRule[]): IntentCatalog {
  return { version: 'test', loadedAt: 0, intents };
}

function makeSut(catalog: IntentCatalog, threshold = '0.4'): TriageService {
  const catalogs = { current: () => catalog } as IntentCatalogService;
  return new TriageService(catalogs, AppConfig.fromEnv({ TRIAGE_CONFIDENCE_THRESHOLD: threshold }));
}

const SMALL_CATALOG = makeCatalog([
  makeIntent({ id: 'emergency', outcome: 'emergency', keywords: ['au secours', 'couteau'], examples: ['il y a quelqu un chez moi', 'on veut me tuer'] }),
  makeIntent({ id: 'fraud', keywords: ['arnaque', 'faux conseiller'], examples: ['je me suis fait avoir par un vendeur en ligne', 'ma carte bancaire a ete debitee'] }),
  makeIntent({ id: 'complaint', keywords: ['porter plainte', 'main courante'], examples: ['comment deposer une plainte', 'je veux deposer plainte pour un vol'] }),
  makeIntent({ id: 'talk_to_officer', outcome: 'handoff', keywords: ['parler a un policier'], examples: ['je veux un humain', 'passez moi un agent'] }),
]);

describe(IntentMatcher.name, () => {
  it('should find a keyword through accents, capitals and inflection', () => {
    const sut = new IntentMatcher(SMALL_CATALOG);

    const [best] = sut.score('Des ARNAQUES partout !');

    expect(best.intent.id).toBe('fraud');
    expect(best.keywordsHit).toEqual(['arnaque']);
  });

  it('should match a multi-word keyword only as a contiguous phrase', () => {
    const sut = new IntentMatcher(SMALL_CATALOG);

    const scattered = sut.score('un conseiller m a dit que c etait faux').find((score) => score.intent.id === 'fraud');
    const phrase = sut.score('un faux conseiller m a appele').find((score) => score.intent.id === 'fraud');

    expect(scattered?.keywordsHit).toEqual([]);
    expect(phrase?.keywordsHit).toEqual(['faux conseiller']);
  });

  it('should score a paraphrase of an example above an unrelated intent', () => {
    const sut = new IntentMatcher(SMALL_CATALOG);

    const [best, second] = sut.score('ma carte bancaire a été débitée sans raison');

    expect(best.intent.id).toBe('fraud');
    expect(best.similarity).toBeGreaterThan(second.similarity);
  });

  it('should keep every confidence within [0, 1]', () => {
    const sut = new IntentMatcher(SMALL_CATALOG);

    const scores = sut.score('au secours arnaque couteau porter plainte faux conseiller parler a un policier');

    expect(scores.every((score) => score.confidence >= 0 && score.confidence <= 1)).toBe(true);
  });
});

describe(TriageService.name, () => {
  it('should let an emergency keyword win over a stronger ordinary intent', () => {
    const sut = makeSut(SMALL_CATALOG);

    const decision = sut.decide('arnaque faux conseiller arnaque, et maintenant il a un couteau');

    expect(decision).toMatchObject({ outcome: 'emergency', intent: 'emergency' });
  });

  it('should answer a confident ordinary intent with its reply and links', () => {
    const sut = makeSut(SMALL_CATALOG);

    const decision = sut.decide('comment porter plainte ?');

    expect(decision).toEqual({
      outcome: 'answer',
      intent: 'complaint',
      confidence: expect.any(Number),
      reply: 'réponse complaint',
      links: [{ title: 'Lien', url: 'https://example.gouv.fr/complaint' }],
    });
  });

  it('should hand off below the threshold with the fallback reply', () => {
    const sut = makeSut(SMALL_CATALOG);

    const decision = sut.decide('quelle heure est il à Tokyo');

    expect(decision).toMatchObject({ outcome: 'handoff', intent: null, reply: FALLBACK_REPLY, links: [] });
    expect(decision.confidence).toBeLessThan(0.4);
  });

  it('should hand off when the best intent is a handoff intent', () => {
    const sut = makeSut(SMALL_CATALOG);

    expect(sut.decide('je veux parler à un policier').outcome).toBe('handoff');
  });

  it('should follow the threshold setting', () => {
    const strict = makeSut(SMALL_CATALOG, '0.99');

    expect(strict.decide('comment porter plainte ?').outcome).toBe('handoff');
  });

  it.each([
    ['au secours, quelqu’un essaie d’entrer chez moi', 'emergency'],
    ['un faux conseiller bancaire m’a fait valider un virement', 'fraud'],
    ['je voudrais porter plainte pour le vol de mon vélo', 'complaint'],
    ['je veux signaler une vidéo qui fait l’apologie du terrorisme', 'illicit_content'],
    ['faut-il une attestation pour sortir pendant le confinement ?', 'travel_restrictions'],
    ['bonjour', 'greeting'],
    ['je veux parler à un policier', 'talk_to_officer'],
  ])('should decide %j as %s with the shipped intents', (text, intent) => {
    const sut = makeSut(loadIntentCatalog(join(__dirname, '..', '..', 'intents')));

    expect(sut.decide(text).intent).toBe(intent);
  });
});
