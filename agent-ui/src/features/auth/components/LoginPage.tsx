import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useState, type FormEvent } from 'react';
import type { LoginRequest } from '../../../../../src/contracts/socket-events';
import { testId } from '../../../lib/test-id';
import type { SessionNotice, SignInFailure, SignInResult } from '../hooks/useSession';
import { ConsoleHeader } from './ConsoleHeader';

/**
 * Props: `notice` ('expired' after the server ended the session, else null) and `onSignIn(credentials)`,
 * resolving with the outcome of `POST /api/v1/auth/login`.
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

/**
 * The sign-in form: « Identifiant », « Mot de passe », « Se connecter ». Shows why the last attempt failed
 * (« Identifiant ou mot de passe incorrect » on 401) or « Session expirée, reconnectez-vous » after the server
 * ended the session, in one alert (`data-testid="login-error"`).
 */
export function LoginPage({ notice, onSignIn }: LoginPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    const result = await onSignIn({ username: username.trim(), password });
    if (!result.ok) {
      setPending(false);
      setFailure(result.failure);
    }
  };

  const message =
    failure !== null
      ? { severity: 'error' as const, text: describeFailure(failure) }
      : notice === 'expired'
        ? { severity: 'warning' as const, text: 'Session expirée, reconnectez-vous' }
        : null;

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
          </div>
        </div>
      </main>
    </>
  );
}
