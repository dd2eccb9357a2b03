import { detectLanguage } from './language-detector';
import { tokenizeFrench } from './text-normalizer';

const detect = (text: string) => detectLanguage(text, tokenizeFrench(text));

describe(detectLanguage.name, () => {
  it.each(['bonjour', 'allo ?', 'ok merci', 'SOS', 'help', '17', 'ok', 'je me suis fait voler mon portable dans le metro'])(
    'should keep %j in French',
    (text) => {
      expect(detect(text)).toBe('fr');
    },
  );

  it.each(['my bike was stolen at the station', 'I want to talk to a police officer please', 'someone is following me and I am scared'])(
    'should detect %j as English',
    (text) => {
      expect(detect(text)).toBe('en');
    },
  );

  it.each(['me han robado la cartera en el metro y no sé qué hacer', 'mi hanno rubato il portafoglio sulla metro', 'سرقوا هاتفي في المترو'])(
    'should detect %j as another language',
    (text) => {
      expect(detect(text)).toBe('other');
    },
  );
});
