import { maskContactDetails } from './mask-contact-details';

describe(maskContactDetails.name, () => {
  it.each([
    ['appelez-moi au 06 12 34 56 78 svp', 'appelez-moi au [téléphone] svp'],
    ['mon numéro +33 6 12 34 56 78', 'mon numéro [téléphone]'],
    ['0612345678 ou 01.45.67.89.10', '[téléphone] ou [téléphone]'],
    ['écrivez à jean.dupont@exemple.fr merci', 'écrivez à [e-mail] merci'],
    ["on m'a volé mon vélo devant la gare", "on m'a volé mon vélo devant la gare"],
    ['il a 17 ans et habite au 12 rue de la Paix', 'il a 17 ans et habite au 12 rue de la Paix'],
  ])('should mask %j as %j', (text, expected) => {
    expect(maskContactDetails(text)).toBe(expected);
  });
});
