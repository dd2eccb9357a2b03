import { fr } from '@codegouvfr/react-dsfr';

/**
 * Emergency numbers, pinned at the top of the page whatever the scroll: the text « Urgence : 17 ou 112 – SMS 114 »
 * and links that call 17 or 112 or write an SMS to 114 (for deaf or hard-of-hearing people). Takes no props.
 */
export function EmergencyBanner() {
  return (
    <aside className="emergency-banner" aria-label="Numéros d'urgence" data-testid="emergency-banner">
      <p className="emergency-banner__text">
        <span className={fr.cx('fr-icon-alarm-warning-fill', 'fr-icon--sm')} aria-hidden="true" />
        <strong>Urgence : 17 ou 112 – SMS 114</strong>
      </p>
      <ul className="emergency-banner__links">
        <li>
          <a href="tel:17">Appeler le 17</a>
        </li>
        <li>
          <a href="tel:112">Appeler le 112</a>
        </li>
        <li>
          <a href="sms:114">SMS au 114</a>
        </li>
      </ul>
    </aside>
  );
}
