import { phoneNumberProblems } from './phone-numbers';

describe(phoneNumberProblems.name, () => {
  it.each(['Appelez le 01 40 07 60 60.', 'Info Escroqueries : 0 805 805 817 (appel gratuit).', 'From abroad: +33 1 40 07 60 60.', 'Composez le 17, le 112 ou le 3919.', 'Limite de 100 km en 2020.'])(
    'should accept %j',
    (text) => {
      expect(phoneNumberProblems(text)).toEqual([]);
    },
  );

  it('should ask for the French grouping of a number typed without spaces or with dots', () => {
    expect(phoneNumberProblems('Appelez le 0140076060 ou le 01.40.07.60.60.').map((problem) => problem.number)).toEqual(['0140076060', '01.40.07.60.60']);
    expect(phoneNumberProblems('Appelez le 0140076060.')[0]?.message).toContain('groupes séparés par des espaces');
  });

  it('should refuse a number that is not a valid French number', () => {
    expect(phoneNumberProblems('Appelez le 07 12 34 56 78.')[0]?.message).toContain('n’est pas un numéro français valide');
  });
});
