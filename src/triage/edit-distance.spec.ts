import fc from 'fast-check';
import { boundedEditDistance } from './edit-distance';

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- natural's distance, as the oracle */
const { DamerauLevenshteinDistance } = require('natural/lib/natural/distance/levenshtein_distance') as {
  DamerauLevenshteinDistance(source: string, target: string, options: { restricted: boolean }): number;
};

describe(boundedEditDistance.name, () => {
  it.each([
    ['plinte', 'plainte', 1],
    ['arnaqe', 'arnaque', 1],
    ['escroqrie', 'escroquerie', 2],
    ['harcelemnt', 'harcelement', 1],
    ['urgnece', 'urgence', 1],
    ['volet', 'vol', 2],
    ['', 'abc', 3],
  ])('should give %s → %s a distance of %i', (source, target, distance) => {
    expect(boundedEditDistance(source, target, 3)).toBe(distance);
  });

  it('should answer max + 1 beyond the bound', () => {
    expect(boundedEditDistance('volontaire', 'vol', 2)).toBe(3);
    expect(boundedEditDistance('torche', 'arnaque', 1)).toBe(2);
  });

  it('should agree with natural’s restricted Damerau-Levenshtein within the bound', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-e]{0,8}$/), fc.stringMatching(/^[a-e]{0,8}$/), fc.integer({ min: 0, max: 3 }), (source, target, max) => {
        expect(boundedEditDistance(source, target, max)).toBe(Math.min(DamerauLevenshteinDistance(source, target, { restricted: true }), max + 1));
      }),
      { numRuns: 2000 },
    );
  });
});
