import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useState, type FormEvent } from 'react';
import type { LoginRequest } from '../../../../../src/contracts/socket-events';
import { testId } from '../../../lib/test-id';
import { useOidcEnabled } from '../hooks/useOidcEnabled';
import type { OidcErrorCode, SessionNotice, SignInFailure, SignInResult } from '../hooks/useSession';
import { ConsoleHeader } from './ConsoleHeader';

/** Where the identity provider's sign-in starts (a full-page navigation: the server redirects to the provider). */
const OIDC_LOGIN_URL = '/api/v1/auth/oidc/login';

/**
 * Props: `notice` (`SessionNotice`: session ended, identity provider sign-in under way or failed; else null) and
 * `onSignIn(credentials)`, resolving with the outcome of `POST /api/v1/auth/login`.
 */
export interface LoginPageProps {
  notice: SessionNotice | null;
  onSignIn: (credentials: LoginRequest) => Promise<SignInResult>;
}

function describeFailure(failure: SignInFailure): string {
  switch (failure) {
    case 'invalid_credentials':
      return 'Identifiant ou mot de passe incorrect';
    case 'invalid_request':
      return 'Renseignez votre identifiant et votre mot de passe';
    case 'too_many_attempts':
      return 'Trop de tentatives de connexion, réessayez dans quelques minutes';
    case 'unavailable':
      return 'Service indisponible, réessayez dans quelques instants';
  }
}

function describeOidcError(code: OidcErrorCode): string {
  switch (code) {
    case 'state':
      return 'La connexion par le fournisseur d’identité a expiré ou n’est pas valide : recommencez';
    case 'provider':
      return 'Le fournisseur d’identité n’a pas autorisé la connexion';
    case 'exchange':
    case 'session':
    case 'unknown':
      return 'La connexion par le fournisseur d’identité a échoué : recommencez';
    case 'unavailable':
      return 'Le fournisseur d’identité est indisponible, réessayez dans quelques instants';
  }
}

type Message = { severity: 'error' | 'warning' | 'info'; text: string };

function describeNotice(notice: SessionNotice): Message {
  if (notice === 'expired') {
    return { severity: 'warning', text: 'Session expirée, reconnectez-vous' };
  }
  if (notice === 'oidc-pending') {
    return { severity: 'info', text: 'Connexion par le fournisseur d’identité en cours…' };
  }
  return { severity: 'error', text: describeOidcError(notice.oidcError) };
}

/**
 * The sign-in form: « Identifiant », « Mot de passe », « Se connecter »; and, when the server has an identity
 * provider configured (`GET /api/v1/auth/oidc/config`), the button « Se connecter avec le fournisseur d’identité »
 * (`data-testid="login-oidc"`) that leads to it. Shows why the last attempt failed (« Identifiant ou mot de passe
 * incorrect » on 401, or why the identity provider's sign-in failed), « Session expirée, reconnectez-vous » after
 * the server ended the session, or that an identity provider sign-in is being completed, in one alert
 * (`data-testid="login-error"`).
 */
export function LoginPage({ notice, onSignIn }: LoginPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const oidcEnabled = useOidcEnabled();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    const result = await onSignIn({ username: username.trim(), password });
    if (!result.ok) {
      setPending(false);
      setFailure(result.failure);
    }
  };

  const message: Message | null =
    failure !== null ? { severity: 'error', text: describeFailure(failure) } : notice !== null ? describeNotice(notice) : null;

  return (
    <>
      <ConsoleHeader signedIn={false} />
      <main id="contenu" className="fr-container fr-my-6w">
        <div className="fr-grid-row fr-grid-row--center">
          <div className="fr-col-12 fr-col-md-8 fr-col-lg-5">
            <h1 className="fr-h3">Connexion à la console officier</h1>
            {message !== null && (
              <Alert
                className="fr-mb-3w"
                severity={message.severity}
                small
                role="alert"
                description={message.text}
                data-testid="login-error"
              />
            )}
            <form onSubmit={(event) => void handleSubmit(event)}>
              <Input
                label="Identifiant"
                nativeInputProps={{
                  name: 'username',
                  autoComplete: 'username',
                  required: true,
                  value: username,
                  onChange: (event) => setUsername(event.target.value),
                  ...testId('login-username'),
                }}
              />
              <PasswordInput
                label="Mot de passe"
                messagesHint=""
                nativeInputProps={{
                  name: 'password',
                  autoComplete: 'current-password',
                  required: true,
                  value: password,
                  onChange: (event) => setPassword(event.target.value),
                  ...testId('login-password'),
                }}
              />
              <Button type="submit" className="fr-mt-3w" disabled={pending} nativeButtonProps={testId('login-submit')}>
                Se connecter
              </Button>
            </form>
            {oidcEnabled && (
              <>
                <p className="fr-hr-or fr-mt-3w">ou</p>
                <Button priority="secondary" linkProps={{ href: OIDC_LOGIN_URL, ...testId('login-oidc') }}>
                  Se connecter avec le fournisseur d’identité
                </Button>
              </>
            )}
          </div>
        </div>
      </main>
    </>
  );
}
