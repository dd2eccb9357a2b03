import { fr } from '@codegouvfr/react-dsfr';

/**
 * Tells the citizen the conversation is private and not recorded: the transcript they may download exists only on
 * their device, and the service keeps only how many ratings each score got. Takes no props.
 */
export function PrivacyNotice() {
  return (
    <section className="privacy-notice" aria-labelledby="privacy-notice-title" data-testid="privacy-notice">
      <h2 id="privacy-notice-title" className="privacy-notice__title">
        <span className={fr.cx('fr-icon-lock-line', 'fr-icon--sm')} aria-hidden="true" />
        Conversation privée, non enregistrée
      </h2>
      <p className="privacy-notice__text">
        Rien de ce que vous écrivez n'est conservé : la conversation est oubliée dès qu'elle se termine. Si vous la
        téléchargez, le fichier reste sur votre appareil. Votre note n'est conservée que dans un décompte anonyme.
      </p>
    </section>
  );
}
