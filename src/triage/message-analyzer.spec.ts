import { makeCatalog, makeIntent } from '../../test/support/factories';
import { MessageAnalyzer } from './message-analyzer';

const CATALOG = makeCatalog(
  [
    makeIntent({ id: 'complaint', keywords: ['porter plainte'], examples: ['je veux deposer une plainte pour vol'] }),
    makeIntent({ id: 'fraud', keywords: ['arnaque', 'escroquerie'], examples: ['victime d une arnaque'] }),
    makeIntent({ id: 'harassment', keywords: ['harcelement'], examples: ['harcelement au travail'] }),
  ],
  { jsuis: 'je suis', g: 'j ai', jveux: 'je veux' },
);

describe(MessageAnalyzer.name, () => {
  const sut = new MessageAnalyzer(CATALOG);
  const words = (text: string) => sut.analyze(text).tokens.map((token) => token.word);

  it('should expand SMS spellings through the lexicon', () => {
    expect(words('jsuis perdu, g besoin d aide')).toEqual(['je', 'suis', 'perdu', 'j', 'ai', 'besoin', 'd', 'aide']);
  });

  it.each([
    ['plinte', 'plainte'],
    ['escroqrie', 'escroquerie'],
    ['harcelemnt', 'harcelement'],
  ])('should correct the typo %s to %s', (typed, corrected) => {
    expect(sut.analyze(`une ${typed}`).tokens.at(-1)?.word).toBe(corrected);
  });

  it.each(['volet', 'vol', 'volontaire', 'pleinement'])('should leave %s alone: it is not a typo of a vocabulary word', (word) => {
    expect(words(word)).toEqual([word]);
  });

  it('should mark the words after a refused need as negated, up to the next « juste »', () => {
    const tokens = sut.analyze('je ne veux pas porter plainte juste signaler un site').tokens;

    expect(tokens.filter((token) => token.negated).map((token) => token.word)).toEqual(['porter', 'plainte']);
  });

  it.each(['je ne veux plus porter plainte', 'je n ai pas envie de porter plainte'])('should read %j as a refusal', (text) => {
    expect(sut.analyze(text).tokens.filter((token) => token.negated).map((token) => token.word)).toEqual(expect.arrayContaining(['porter', 'plainte']));
  });

  it.each(['il y a plus de bruit', 'je n en peux plus'])('should not read %j as a refusal', (text) => {
    expect(sut.analyze(text).tokens.some((token) => token.negated)).toBe(false);
  });

  it('should not treat a described fact as a refusal', () => {
    expect(sut.analyze('je n ai pas recu mon colis').tokens.some((token) => token.negated)).toBe(false);
  });

  it('should end a negation scope at the end of the clause', () => {
    const tokens = sut.analyze('ce n’est pas une arnaque. Je veux porter plainte').tokens;

    expect(tokens.filter((token) => token.negated).map((token) => token.word)).toEqual(['une', 'arnaque']);
  });

  it('should give the same words with curly, straight and missing apostrophes', () => {
    expect(words('j’ai été victime d’une arnaque')).toEqual(words("j'ai été victime d'une arnaque"));
    expect(words("j' ai été victime d' une arnaque")).toEqual(words("j'ai été victime d'une arnaque"));
  });
});
