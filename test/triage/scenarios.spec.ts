import { makeShippedTriage } from '../support/shipped-triage';

/**
 * Golden cases from ../shared/cases/scenarios.md (S-16 to S-23, S-29, S-30), decided with the shipped intents.
 * Any intent edit that moves one of them fails here.
 */
describe('Triage scenarios with the shipped intents', () => {
  const sut = makeShippedTriage();

  describe('S-16: off-topic input never gets a confident wrong answer', () => {
    it.each(['quel temps fera-t-il demain ?', 'azertyuiop', 'ok', '?', 'la piscine municipale est ouverte dimanche ?', 'combien coûte un passeport ?'])(
      'should hand off %j without a link',
      (text) => {
        expect(sut.decide(text)).toMatchObject({ outcome: 'handoff', links: [] });
      },
    );
  });

  describe('S-17: negation', () => {
    it('should answer the complaint procedure, not the emergency script, to « ce n’est pas une urgence »', () => {
      expect(sut.decide('ce n\'est pas une urgence, je veux juste savoir comment porter plainte')).toMatchObject({ outcome: 'answer', intent: 'complaint' });
    });

    it('should point to the illegal-content report when the citizen refuses a complaint', () => {
      expect(sut.decide('je ne veux pas porter plainte, je veux juste signaler un site')).toMatchObject({ intent: 'illicit_content' });
    });

    it('should never let a negation switch off a danger signal', () => {
      expect(sut.decide('je ne sais pas si c\'est grave mais il a un couteau').outcome).toBe('emergency');
    });
  });

  describe('S-18: one-letter typos', () => {
    it.each([
      ['escroqrie sur internet', 'escroquerie sur internet'],
      ['une arnaqe sur internet', 'une arnaque sur internet'],
      ['je veux porter plinte', 'je veux porter plainte'],
      ['harcelemnt en ligne de ma fille', 'harcèlement en ligne de ma fille'],
      ['usurpassion d’identité', 'usurpation d’identité'],
      ['jve porter plainte', 'je veux porter plainte'],
      ['g été agressé dans la rue', 'j’ai été agressé dans la rue'],
    ])('should decide %j as the correct spelling %j, or hand off', (typo, correct) => {
      const expected = sut.decide(correct);
      const decision = sut.decide(typo);

      expect([expected.intent, null]).toContain(decision.intent);
    });

    it('should alert on a misspelled emergency word', () => {
      expect(sut.decide('urgense il y a quelqu un chez moi').outcome).toBe('emergency');
    });
  });

  describe('S-19 and S-20: accents, capitals, apostrophes and spaces change nothing', () => {
    it.each([
      [['dépôt de plainte', 'depot de plainte', 'DÉPÔT DE PLAINTE', 'Depot De Plainte']],
      [['harcèlement sur les réseaux', 'harcelement sur les reseaux']],
      [['escroquerie', 'ESCROQUERIE']],
      [['j\u00e9tais victime d’escroquerie', 'je\u0301tais victime d’escroquerie']],
      [["j'ai été victime d'une arnaque", 'j’ai été victime d’une arnaque', 'jai ete victime dune arnaque', "j' ai été victime d' une arnaque"]],
      [['l’escroc a mon RIB', "l'escroc a mon RIB"]],
      [['comment porter plainte ?', 'comment porter plainte\u00a0?', 'comment porter plainte\u202f?']],
    ])('should decide %j identically', (variants) => {
      const decisions = variants.map((text) => sut.decide(text));

      expect(new Set(decisions.map((decision) => `${decision.outcome}:${decision.intent}`)).size).toBe(1);
    });
  });

  describe('S-23: short French stays French; distress words alert', () => {
    it.each(['bonjour', 'allo ?', 'ok merci'])('should answer %j in French', (text) => {
      expect(sut.decide(text).language).toBe('fr');
    });

    it.each(['SOS', 'help'])('should give the emergency numbers to %j', (text) => {
      const decision = sut.decide(text);

      expect(decision.outcome).toBe('emergency');
      expect(decision.reply).toMatch(/17/);
    });

    it('should answer a clearly English message in English', () => {
      expect(sut.decide('my bike was stolen at the station').language).toBe('en');
    });
  });

  describe('S-29 and S-30: crisis and abuse disclosures always alert, with the matching line', () => {
    it.each([
      ['j\'ai 12 ans et un adulte m\'oblige à faire des choses sexuelles', /119|17/],
      ['mon conjoint me frappe, il revient ce soir, j\'ai peur', /3919|17/],
      ['je vais me suicider ce soir', /3114/],
      ['je ne vois plus l\'intérêt de continuer', /3114/],
      ['ils seraient mieux sans moi', /3114/],
      ['j\'ai préparé les médicaments', /3114/],
      ['jveux plus vivre', /3114/],
      ['il est devant ma porte avec un couteau', /17/],
      ['aidez moi vite il me suit', /17/],
    ])('should alert on %j', (text, line) => {
      const decision = sut.decide(text);

      expect(decision.outcome).toBe('emergency');
      expect(decision.reply).toMatch(/17|112|3114/);
      expect(decision.reply).toMatch(line);
    });
  });

  describe('Danger now is judged clause by clause: a past clause never cancels a present one', () => {
    it.each([
      'hier il m\'a frappée et il est chez moi',
      'il m\'a menacée hier, il est devant ma porte',
      'il y a deux jours il m\'a menacé, là il est derrière moi',
      'mon ex m\'a frappée la semaine dernière et il est devant chez moi avec un pistolet',
    ])('should alert on %j', (text) => {
      expect(sut.decide(text).outcome).toBe('emergency');
    });

    it('should answer both danger now and suicide risk when both are written', () => {
      const decision = sut.decide('il me frappe tous les soirs et je veux mourir');

      expect(decision.intents).toEqual(expect.arrayContaining(['emergency', 'suicide_prevention']));
      expect(decision.reply).toMatch(/17/);
      expect(decision.reply).toMatch(/3114/);
    });

    it('should alert on suicide risk even when it is told in the past', () => {
      expect(sut.decide('il y a deux semaines j\'ai voulu en finir et j\'y pense encore').outcome).toBe('emergency');
    });
  });
});
