import fc from 'fast-check';
import { requiredLiterals } from './pattern-prefilter';

describe(requiredLiterals.name, () => {
  it.each([
    ['\\b(faux|fausse) (conseiller|banquier)\\b', ['faux', 'fausse']],
    ['\\bcarte grise\\b', ['carte grise']],
    ['\\bcambrioleurs? (est|sont)\\b', undefined],
    ['\\b(il|elle)? me suit', undefined],
    ['\\b(a|b)\\b|\\bother', undefined],
    ['^(?!.*\\bvol\\b).*\\bcarte\\b', undefined],
    ['\\b(x|)\\b', undefined],
  ])('should read %j as %j', (source, literals) => {
    expect(requiredLiterals(source)).toEqual(literals);
  });

  it('should never skip a text the pattern matches', () => {
    const word = fc.stringMatching(/^[a-e]{1,4}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), word, fc.array(word, { maxLength: 6 }), (alternatives, tail, words) => {
        const source = `\\b(${alternatives.join('|')}) ${tail}\\b`;
        const text = words.join(' ');
        const literals = requiredLiterals(source);
        if (new RegExp(source, 'u').test(text)) {
          expect(literals?.some((literal) => text.includes(literal)) ?? true).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
