import { join } from 'node:path';
import { FakeClock } from '../../test/support/fake-clock';
import { makeCatalog, makeIntent } from '../../test/support/factories';
import { AppConfig } from '../config/app-config';
import type { IntentCatalog } from '../intents/intent-catalog';
import { loadIntentCatalog } from '../intents/intent-loader';
import { SAFETY_FLOOR } from './safety-floor';
import { FALLBACK_REPLY, MULTILINGUAL_NOTICE, TriageService } from './triage.service';

const CATALOG = makeCatalog([
  makeIntent({
    id: 'emergency',
    outcome: 'emergency',
    keywords: ['il me frappe', 'me frappe', 'couteau', 'urgence'],
    exclusions: ['pas une urgence', 'pas urgent'],
    examples: ['quelqu un essaie de forcer ma porte', 'un homme me menace dans la rue'],
    answerEn: { text: 'Call 17 or 112 now, text 114.', links: [] },
  }),
  makeIntent({ id: 'suicide_prevention', outcome: 'emergency', keywords: ['plus envie de vivre'], examples: ['je pense a mourir'] }),
  makeIntent({ id: 'domestic_violence', keywords: ['mon conjoint me frappe', 'violences conjugales'], examples: ['mon mari me bat depuis des annees'] }),
  makeIntent({ id: 'fraud', keywords: ['arnaque', 'faux conseiller', 'carte bancaire'], examples: ['je me suis fait avoir par un vendeur en ligne'] }),
  makeIntent({ id: 'complaint', keywords: ['porter plainte', 'vole mon portable'], examples: ['comment deposer une plainte', 'on m a vole mon portable'] }),
  makeIntent({ id: 'illicit_content', keywords: ['signaler un site', 'contenu illegal'], examples: ['je veux signaler une video haineuse'] }),
  makeIntent({ id: 'consumer_dispute', keywords: ['colis jamais recu', 'litige'], examples: ['le magasin refuse de me rembourser'] }),
  makeIntent({ id: 'seller_problem', keywords: ['vendeur', 'litige'], examples: ['le vendeur ne repond plus'] }),
  makeIntent({ id: 'greeting', smallTalk: true, keywords: ['bonjour'], examples: ['bonjour vous etes la'] }),
  makeIntent({ id: 'talk_to_officer', outcome: 'handoff', keywords: ['parler a un policier'], examples: ['je veux un humain'] }),
]);

function makeSut(catalog: IntentCatalog = CATALOG, threshold = '0.4'): TriageService {
  return new TriageService({ current: () => catalog }, AppConfig.fromEnv({ TRIAGE_CONFIDENCE_THRESHOLD: threshold }));
}

describe(TriageService.name, () => {
  const sut = makeSut();

  it('should let danger now win over a stronger ordinary need', () => {
    expect(sut.decide('arnaque faux conseiller carte bancaire, et maintenant il a un couteau')).toMatchObject({ outcome: 'emergency', intent: 'emergency' });
  });

  it('should never let a negation switch a danger signal off', () => {
    expect(sut.decide('je ne sais pas si c est grave mais il a un couteau').outcome).toBe('emergency');
  });

  it('should not alert on « pas une urgence », and answer the need instead', () => {
    expect(sut.decide('ce n’est pas une urgence, je veux juste savoir comment porter plainte')).toMatchObject({ outcome: 'answer', intent: 'complaint' });
  });

  it('should alert on the built-in floor even when no intent file has the phrase', () => {
    const bare = makeSut(makeCatalog([makeIntent({ id: 'emergency', outcome: 'emergency', keywords: ['zzz'], examples: ['zzz'] })]));

    expect(bare.decide('au secours il va me tuer')).toMatchObject({ outcome: 'emergency', intent: 'emergency' });
    expect(bare.decide('je vais me suicider ce soir')).toMatchObject({ outcome: 'emergency', intent: 'suicide_prevention' });
  });

  it('should not alert on a danger told in a past clause, and answer with the matching service', () => {
    expect(sut.decide('il y a deux semaines mon conjoint me frappe pour la derniere fois')).toMatchObject({ outcome: 'answer', intent: 'domestic_violence' });
  });

  it('should alert when the danger is in another clause than the past marker', () => {
    expect(sut.decide('il y a deux semaines il est parti. Cette fois mon conjoint me frappe')).toMatchObject({ outcome: 'emergency' });
  });

  it('should never let a negation scope hide a safety keyword that is not in the floor', () => {
    const catalog = makeCatalog([
      makeIntent({ id: 'emergency', outcome: 'emergency', keywords: ['marteau'], examples: ['zzz'] }),
      makeIntent({ id: 'tools', keywords: ['marteau'], examples: ['acheter un marteau'] }),
    ]);

    expect(makeSut(catalog).decide('je ne veux pas deranger pour son marteau')).toMatchObject({ outcome: 'emergency' });
  });

  it.each(SAFETY_FLOOR.flatMap(({ intent, phrases }) => phrases.map((phrase) => [phrase, intent])))(
    'should alert on the floor phrase %j alone, even through a lexicon that rewrites its words',
    (phrase, intent) => {
      const hiding = makeCatalog(
        [makeIntent({ id: 'emergency', outcome: 'emergency', keywords: ['zzz'], examples: ['zzz'] }), makeIntent({ id: 'greeting', smallTalk: true, keywords: ['aide'], examples: ['aide'] })],
        { help: 'aide', danger: 'dangers', mourir: 'vivre', secours: 'bonjour' },
      );

      expect(makeSut(hiding).decide(phrase)).toMatchObject({ outcome: 'emergency', intents: expect.arrayContaining([intent]) });
    },
  );

  it('should alert when the danger is current, and add the matching service to the emergency answer', () => {
    const decision = sut.decide('mon conjoint me frappe, il revient ce soir, j ai peur');

    expect(decision).toMatchObject({ outcome: 'emergency', intent: 'emergency', intents: ['emergency', 'domestic_violence'] });
    expect(decision.reply).toContain('réponse emergency');
    expect(decision.reply).toContain('réponse domestic_violence');
  });

  it('should follow a refusal: « je ne veux pas porter plainte, juste signaler un site »', () => {
    expect(sut.decide('je ne veux pas porter plainte, juste signaler un site')).toMatchObject({ outcome: 'answer', intent: 'illicit_content' });
  });

  it('should answer both needs of a message with two needs in two sentences', () => {
    const decision = sut.decide('on m a vole mon portable dans le metro. Et ensuite une arnaque sur ma carte bancaire');

    expect(decision.outcome).toBe('answer');
    expect(new Set(decision.intents)).toEqual(new Set(['complaint', 'fraud']));
    expect(decision.links.map((link) => link.url)).toEqual(expect.arrayContaining(['https://example.gouv.fr/complaint', 'https://example.gouv.fr/fraud']));
  });

  it('should ask the citizen to choose between two close intents once, then hand off', () => {
    const first = sut.decide('un litige');
    const second = sut.decide('un litige', { allowClarify: false });

    expect(first.outcome).toBe('clarify');
    expect(first.choices?.map((choice) => choice.intent).sort()).toEqual(['consumer_dispute', 'seller_problem']);
    expect(second.outcome).toBe('handoff');
  });

  it('should prefer a need to a greeting, and greet when there is no need', () => {
    expect(sut.decide('bonjour, je veux porter plainte').intent).toBe('complaint');
    expect(sut.decide('bonjour').intent).toBe('greeting');
  });

  it.each(['quel temps fera-t-il demain ?', 'azertyuiop', 'ok', '?', 'la piscine municipale est ouverte dimanche ?'])(
    'should hand off the off-topic %j with the fallback reply and no link',
    (text) => {
      expect(sut.decide(text)).toMatchObject({ outcome: 'handoff', intent: null, reply: FALLBACK_REPLY, links: [] });
    },
  );

  it('should hand off when the best intent is a handoff intent', () => {
    expect(sut.decide('je veux parler a un policier')).toMatchObject({ outcome: 'handoff', intent: 'talk_to_officer' });
  });

  it('should follow the threshold setting', () => {
    expect(makeSut(CATALOG, '0.99').decide('comment porter plainte ?').outcome).toBe('handoff');
    expect(makeSut(CATALOG, '0.3').decide('comment porter plainte ?').outcome).toBe('answer');
  });

  it('should answer a clearly English emergency in English', () => {
    expect(sut.decide('help me there is a man with a knife, he has a couteau')).toMatchObject({ outcome: 'emergency', language: 'en', reply: 'Call 17 or 112 now, text 114.' });
  });

  it('should give other languages the multilingual notice and an officer', () => {
    expect(sut.decide('me han robado la cartera en el metro y no sé qué hacer')).toMatchObject({ outcome: 'handoff', language: 'other', reply: MULTILINGUAL_NOTICE });
  });

  it('should explain a decision with tokens, rules hit, scores and the policy step', () => {
    const { trace } = sut.explain('J’ai été victime d’une ARNAQUE');

    expect(trace.normalized).toBe('j ai ete victime d une arnaque');
    expect(trace.scores[0]).toMatchObject({ intent: 'fraud', rulesHit: ['arnaque'] });
    expect(trace.step).toBe('answer');
  });

  it('should answer an intent picked among quick replies', () => {
    expect(sut.answerIntent('fraud', 'fr')).toMatchObject({ outcome: 'answer', intent: 'fraud', reply: 'réponse fraud' });
    expect(sut.answerIntent('unknown', 'fr')).toBeNull();
  });
});

describe(`${TriageService.name} with time-limited intents`, () => {
  const catalog = loadIntentCatalog(join(__dirname, '..', '..', 'test', 'fixtures', 'intents', 'time-boxed'));
  const clock = new FakeClock('2026-11-30T22:59:59Z');
  const sut = new TriageService({ current: () => catalog }, AppConfig.fromEnv({}), clock);
  const market = 'un pickpocket au marché de noël';

  it('should switch an intent on and off by itself at its Paris times, as if absent outside them', () => {
    expect(sut.decide(market)).toMatchObject({ outcome: 'handoff', intent: null });

    clock.setSystemTime('2026-11-30T23:00:00Z');
    expect(sut.decide(market)).toMatchObject({ outcome: 'answer', intent: 'christmas_market' });

    clock.setSystemTime('2026-12-31T22:59:59Z');
    expect(sut.decide(market).intent).toBe('christmas_market');

    clock.setSystemTime('2026-12-31T23:00:00Z');
    expect(sut.decide(market)).toMatchObject({ outcome: 'handoff', intent: null });
  });

  it('should answer with the variant in force, and with the usual answer on both sides of it', () => {
    const lost = "j'ai perdu mon portefeuille";
    clock.setSystemTime('2026-12-24T10:59:59Z');
    expect(sut.decide(lost).reply).toBe('Déclarez la perte en ligne et contactez le service des objets trouvés de votre commune.');

    clock.setSystemTime('2026-12-24T11:00:00Z');
    expect(sut.decide(lost)).toMatchObject({
      intent: 'lost_property',
      reply: "Le service des objets trouvés est fermé jusqu'au 27 décembre : déclarez la perte en ligne.",
      links: [{ title: 'Déclarer une perte', url: 'https://www.service-public.fr/particuliers/vosdroits/F1941' }],
    });
    expect(sut.decide('Hello, I lost my wallet, where is the objet trouvé office please?')).toMatchObject({
      language: 'en',
      reply: "Le service des objets trouvés est fermé jusqu'au 27 décembre : déclarez la perte en ligne.",
    });

    clock.setSystemTime('2026-12-26T23:00:00Z');
    expect(sut.decide(lost).reply).toBe('Déclarez la perte en ligne et contactez le service des objets trouvés de votre commune.');
  });

  it('should decide at the instant it is given rather than the clock’s', () => {
    clock.setSystemTime('2026-06-01T12:00:00Z');

    expect(sut.decide(market, { at: Date.parse('2026-12-10T12:00:00Z') }).intent).toBe('christmas_market');
    expect(sut.decide(market).intent).toBeNull();
  });

  it('should not answer a quick reply for an intent out of its period', () => {
    clock.setSystemTime('2026-06-01T12:00:00Z');
    expect(sut.answerIntent('christmas_market', 'fr')).toBeNull();

    clock.setSystemTime('2026-12-10T12:00:00Z');
    expect(sut.answerIntent('christmas_market', 'fr')).toMatchObject({ outcome: 'answer', intent: 'christmas_market' });
  });
});
