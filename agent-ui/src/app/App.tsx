import { LoginPage } from '../features/auth/components/LoginPage';
import { useSession } from '../features/auth/hooks/useSession';
import { OfficerConsole } from './OfficerConsole';

/**
 * The officer console: the sign-in form while signed out, the console once signed in. A new session (new token)
 * mounts a fresh console, so nothing of a previous officer's conversations survives a sign-out.
 */
export function App() {
  const { session, notice, signIn, signOut, expire, updateOfficer } = useSession();

  if (session === null) {
    return <LoginPage notice={notice} onSignIn={signIn} />;
  }
  return (
    <OfficerConsole
      key={session.accessToken}
      session={session}
      onSignOut={signOut}
      onSessionExpired={expire}
      onOfficerChanged={updateOfficer}
    />
  );
}
