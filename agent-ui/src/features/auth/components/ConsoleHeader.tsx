import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { testId } from '../../../lib/test-id';
import { ChangePasswordAction } from '../../account/components/ChangePasswordAction';
import type { ConnectionStatus } from '../hooks/useOfficerConnection';

/**
 * Props: `signedIn: false` on the sign-in form; `signedIn: true` with the officer's `officerName`, the socket's
 * `connectionStatus`, `onSignOut` and, to offer « Changer mon mot de passe », the session's `accessToken`.
 */
export type ConsoleHeaderProps =
  | { signedIn: false }
  | {
      signedIn: true;
      officerName: string;
      connectionStatus: ConnectionStatus;
      onSignOut: () => void;
      accessToken?: string;
    };

function describeConnection(status: ConnectionStatus) {
  switch (status) {
    case 'connecting':
      return (
        <Badge as="span" small severity="info">
          Connexion…
        </Badge>
      );
    case 'connected':
      return (
        <Badge as="span" small severity="success">
          Connecté
        </Badge>
      );
    case 'reconnecting':
      return (
        <Badge as="span" small severity="warning">
          Reconnexion…
        </Badge>
      );
  }
}

/**
 * The DSFR header (« Console officier ») and, once signed in, a bar with the officer's display name
 * (`data-testid="officer-name"`), the connection state, « Changer mon mot de passe » when `accessToken` is given
 * (`ChangePasswordAction`) and « Se déconnecter » (`data-testid="logout-button"`).
 * The bar is outside the DSFR header because the header renders its quick-access items twice (desktop and
 * mobile menu), which would duplicate the test ids.
 */
export function ConsoleHeader(props: ConsoleHeaderProps) {
  return (
    <>
      <Header
        brandTop={
          <>
            Ministère
            <br />
            de l'Intérieur
          </>
        }
        homeLinkProps={{ href: '/agent/', title: 'Accueil - Console officier' }}
        serviceTitle="Console officier"
        serviceTagline="Messagerie police : prise en charge des conversations"
      />
      {props.signedIn && (
        <div className="officer-bar">
          <div className="fr-container--fluid fr-px-2w officer-bar__row">
            <p className="fr-mb-0">
              <span className="fr-icon-user-line fr-mr-1w" aria-hidden="true" />
              Connecté en tant que{' '}
              <strong data-testid="officer-name">{props.officerName}</strong>{' '}
              {describeConnection(props.connectionStatus)}
            </p>
            <div>
              {props.accessToken !== undefined && <ChangePasswordAction accessToken={props.accessToken} />}
              <Button
                className="fr-ml-1w"
                priority="tertiary"
                size="small"
                iconId="fr-icon-logout-box-r-line"
                onClick={props.onSignOut}
                nativeButtonProps={testId('logout-button')}
              >
                Se déconnecter
              </Button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
