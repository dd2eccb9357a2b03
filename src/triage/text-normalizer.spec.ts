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
