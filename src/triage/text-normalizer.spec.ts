import fc from 'fast-check';
import { normalizeFrench, stemFrenchWord, tokenizeFrench } from './text-normalizer';

describe(normalizeFrench.name, () => {
  it.each([
    ['J’ai été ARNAQUÉ !', 'j ai ete arnaque'],
    ["l'escroquerie", 'l escroquerie'],
    ['qu‘il', 'qu il'],
    ['Ça s’est passé à Noël', 'ca s est passe a noel'],
    ['mon cœur', 'mon coeur'],
    ['ｐｌａｉｎｔｅ', 'plainte'],
    ['  porter\u00a0plainte\u202f?  ', 'porter plainte'],
    ['e\u0301te\u0301', 'ete'],
    ['rendez-vous au commissariat...', 'rendez vous au commissariat'],
    ['', ''],
    ['?!…', ''],
  ])('should normalise %j to %j', (input, expected) => {
    expect(normalizeFrench(input)).toBe(expected);
  });
});

describe(tokenizeFrench.name, () => {
  it('should split elisions into their own tokens when the apostrophe is curly', () => {
    expect(tokenizeFrench('J’ai perdu l’attestation')).toEqual(['j', 'ai', 'perdu', 'l', 'attestation']);
  });

  it('should give the same tokens with or without accents and capitals', () => {
    expect(tokenizeFrench('ESCROQUERIE À LA CARTE BANCAIRE')).toEqual(tokenizeFrench('escroquerie a la carte bancaire'));
  });
});

describe(stemFrenchWord.name, () => {
  it('should give inflected forms one stem', () => {
    expect(new Set(['arnaque', 'arnaques', 'arnaquer'].map(stemFrenchWord)).size).toBe(1);
  });
});

describe('French tokenization (scenario S-21)', () => {
  it('should keep French words whole', () => {
    expect(tokenizeFrench('Vélo volé à la gare')).toEqual(['velo', 'vole', 'a', 'la', 'gare']);
    expect(tokenizeFrench('harcèlement')).toEqual(['harcelement']);
  });

  it.each([
    ['peut-être', ['peut', 'etre']],
    ['aujourd’hui', ['aujourd', 'hui']],
    ["aujourd'hui", ['aujourd', 'hui']],
    ['c’est-à-dire', ['c', 'est', 'a', 'dire']],
  ])('should split %j the same way whatever the apostrophe or hyphen', (text, tokens) => {
    expect(tokenizeFrench(text)).toEqual(tokens);
  });

  it('should keep every letter of every word and never cut a word into letters', () => {
    const frenchWord = fc.stringMatching(/^[a-zàâäçéèêëîïôöùûüœæ]{1,12}$/);
    fc.assert(
      fc.property(fc.array(frenchWord, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', ', ', ' ! ', '\u00a0', '\n'), (words, separator) => {
        const tokens = tokenizeFrench(words.join(separator));

        expect(tokens).toEqual(words.map((word) => normalizeFrench(word)));
      }),
      { numRuns: 500 },
    );
  });
});
