import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useState } from 'react';
import type { OfficerProfile } from '../../../src/contracts/socket-events';
import { describeSocketError } from '../lib/socket-error-messages';
import { ConsoleHeader } from '../features/auth/components/ConsoleHeader';
import { useOfficerConnection } from '../features/auth/hooks/useOfficerConnection';
import type { OfficerSession } from '../features/auth/hooks/useSession';
import { ConversationWorkspace } from '../features/conversations/components/ConversationWorkspace';
import { useConversations } from '../features/conversations/hooks/useConversations';
import { QueuePanel } from '../features/queue/components/QueuePanel';
import { useQueue } from '../features/queue/hooks/useQueue';
import { useQueueTitleBadge } from '../features/queue/hooks/useQueueTitleBadge';

/**
 * Props: the signed-in `session`; `onSignOut()`; `onSessionExpired()` when the server refuses the token;
 * `onOfficerChanged(officer)` when the server sends the officer's profile.
 */
export interface OfficerConsoleProps {
  session: OfficerSession;
  onSignOut: () => void;
  onSessionExpired: () => void;
  onOfficerChanged: (officer: OfficerProfile) => void;
}

/**
 * The signed-in console: header with the officer and « Se déconnecter », the waiting queue on the left, the
 * officer's conversations on the right, and alerts for a lost connection or a server error. Owns the socket
 * connection for as long as it is mounted; the queue length is shown in the browser tab title.
 */
export function OfficerConsole({ session, onSignOut, onSessionExpired, onOfficerChanged }: OfficerConsoleProps) {
  const [serverError, setServerError] = useState<string | null>(null);
  const queue = useQueue();
  const conversations = useConversations();
  const connectionStatus = useOfficerConnection(session.accessToken, {
    onOfficer: onOfficerChanged,
    onSessionExpired,
    onServerError: (code) => setServerError(describeSocketError(code)),
  });
  useQueueTitleBadge(queue.items.length);
  const connected = connectionStatus === 'connected';

  const take = async (conversationId: string) => {
    const result = await queue.take(conversationId);
    if (result.ok) {
      conversations.focus(conversationId);
    }
    return result;
  };

  return (
    <>
      <ConsoleHeader
        signedIn
        officerName={session.officer.displayName}
        connectionStatus={connectionStatus}
        onSignOut={onSignOut}
      />
      <main id="contenu" className="fr-container--fluid fr-px-2w fr-py-3w">
        <h1 className="fr-sr-only">Console officier</h1>
        {connectionStatus === 'reconnecting' && (
          <Alert
            className="fr-mb-2w"
            severity="warning"
            small
            role="status"
            description="Connexion au serveur perdue, reconnexion en cours…"
          />
        )}
        {serverError !== null && (
          <Alert
            className="fr-mb-2w"
            severity="error"
            small
            role="alert"
            closable
            onClose={() => setServerError(null)}
            description={serverError}
          />
        )}
        <div className="fr-grid-row fr-grid-row--gutters">
          <section className="fr-col-12 fr-col-md-5 fr-col-lg-4" aria-label="File d'attente">
            <QueuePanel items={queue.items} canTake={connected} onTake={take} />
          </section>
          <section className="fr-col-12 fr-col-md-7 fr-col-lg-8" aria-label="Mes conversations">
            <ConversationWorkspace
              state={conversations.state}
              canAct={connected}
              onFocus={conversations.focus}
              onDismiss={conversations.dismiss}
              onSend={conversations.send}
              onClose={conversations.close}
            />
          </section>
        </div>
      </main>
    </>
  );
}
