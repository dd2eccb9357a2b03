import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useEffect, useMemo, useState } from 'react';
import type { OfficerProfile, OfficerStatus } from '../../../src/contracts/socket-events';
import { describeSocketError } from '../lib/socket-error-messages';
import { testId } from '../lib/test-id';
import { ConsoleHeader } from '../features/auth/components/ConsoleHeader';
import { useOfficerConnection } from '../features/auth/hooks/useOfficerConnection';
import type { OfficerSession } from '../features/auth/hooks/useSession';
import { useCannedAnswers } from '../features/canned-answers/hooks/useCannedAnswers';
import { ConversationWorkspace } from '../features/conversations/components/ConversationWorkspace';
import { openConversations } from '../features/conversations/hooks/conversationsReducer';
import { useConversations } from '../features/conversations/hooks/useConversations';
import { ShiftBar } from '../features/officers/components/ShiftBar';
import { useOfficerStatus } from '../features/officers/hooks/useOfficerStatus';
import { useRoster } from '../features/officers/hooks/useRoster';
import { QueuePanel } from '../features/queue/components/QueuePanel';
import { useQueue } from '../features/queue/hooks/useQueue';
import { useQueueTitleBadge } from '../features/queue/hooks/useQueueTitleBadge';
import { EditorPage } from '../features/editor/components/EditorPage';
import { SupervisionView } from '../features/supervision/components/SupervisionView';
import type { IntentTitles } from '../features/triage/triage-labels';

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

/** The console's views; « Supervision » exists for supervisors only, « Éditeur » for editors only. */
type ConsoleView = 'conversations' | 'supervision' | 'editor';

function pluralConversations(count: number): string {
  return `${count} conversation${count > 1 ? 's' : ''} en cours`;
}

/**
 * The signed-in console: header with the officer and « Se déconnecter », the officer's status and load, the
 * waiting queue on the left, the officer's conversations on the right, and alerts for a lost connection or a
 * server error; supervisors get a « Supervision » tab and editors an « Éditeur » tab; an account without the
 * officer role (a supervisor or editor only) gets no queue, conversations or status, and opens on its own view.
 * Owns the socket connection for as long as it is mounted; the queue length is shown in the browser tab title. Signing out while holding open conversations is
 * refused with a request to transfer or close them first (S-10); with the socket down, when neither is possible,
 * « Se déconnecter quand même » is offered.
 */
export function OfficerConsole({ session, onSignOut, onSessionExpired, onOfficerChanged }: OfficerConsoleProps) {
  const [serverError, setServerError] = useState<string | null>(null);
  const isOfficer = session.officer.roles.includes('officer');
  const isSupervisor = session.officer.roles.includes('supervisor');
  const isEditor = session.officer.roles.includes('editor');
  // An account without the officer role answers no citizen: it opens on its own view.
  const [view, setView] = useState<ConsoleView>(isOfficer ? 'conversations' : isSupervisor ? 'supervision' : 'editor');
  const [signOutRequested, setSignOutRequested] = useState(false);
  // Every listener is registered (these hooks' effects) before useOfficerConnection connects the socket, so the
  // events the server sends on connection are not missed.
  const queue = useQueue();
  const conversations = useConversations();
  const roster = useRoster();
  const cannedAnswers = useCannedAnswers();
  const connectionStatus = useOfficerConnection(session.accessToken, {
    onOfficer: onOfficerChanged,
    onSessionExpired,
    onServerError: (code) => setServerError(describeSocketError(code)),
  });
  const connected = connectionStatus === 'connected';
  const officerId = session.officer.id;
  const own = roster.officers.find((officer) => officer.id === officerId) ?? null;
  const officerStatus = useOfficerStatus(own?.status ?? null, roster.receivedAt);
  const away = officerStatus.status === 'away';
  const queueMode = away ? 'away' : roster.routingMode === 'auto' ? 'auto' : 'pick';
  useQueueTitleBadge(away ? 0 : queue.items.length);

  const intentTitles: IntentTitles = useMemo(
    () => Object.fromEntries(cannedAnswers.map((answer) => [answer.intent, answer.title])),
    [cannedAnswers],
  );
  const colleagues = roster.officers.filter(
    (officer) =>
      officer.id !== officerId && officer.online && officer.status !== 'away' && officer.load < officer.capacity,
  );
  const openCount = openConversations(conversations.state).length;
  const signOutBlocked = signOutRequested && openCount > 0;

  const { queueSeen } = conversations;
  useEffect(() => {
    queueSeen(queue.items.map((item) => item.conversationId));
  }, [queue.items, queueSeen]);

  const take = async (conversationId: string) => {
    const result = await queue.take(conversationId);
    if (result.ok) {
      conversations.focus(conversationId);
    }
    return result;
  };

  const changeStatus = async (status: OfficerStatus) => {
    const result = await officerStatus.change(status);
    if (result.ok && status === 'away') {
      queue.clear();
    }
    return result;
  };

  const requestSignOut = () => {
    if (openCount > 0) {
      setSignOutRequested(true);
    } else {
      onSignOut();
    }
  };

  const workspace = (
    <div className="fr-grid-row fr-grid-row--gutters">
      <section className="fr-col-12 fr-col-md-5 fr-col-lg-4" aria-label="File d'attente">
        <QueuePanel
          items={queue.items}
          mode={queueMode}
          canTake={connected}
          intentTitles={intentTitles}
          onTake={take}
        />
      </section>
      <section className="fr-col-12 fr-col-md-7 fr-col-lg-8" aria-label="Mes conversations">
        <ConversationWorkspace
          accessToken={session.accessToken}
          state={conversations.state}
          canAct={connected}
          autoRouting={roster.routingMode === 'auto'}
          cannedAnswers={cannedAnswers}
          intentTitles={intentTitles}
          colleagues={colleagues}
          onFocus={conversations.focus}
          onDismiss={conversations.dismiss}
          onDismissNotice={conversations.dismissNotice}
          onSend={conversations.send}
          onClose={conversations.close}
          onTransfer={conversations.transfer}
          onTyping={conversations.typing}
        />
      </section>
    </div>
  );

  return (
    <>
      <ConsoleHeader
        signedIn
        accessToken={session.officer.signIn === 'oidc' ? undefined : session.accessToken}
        officerName={session.officer.displayName}
        connectionStatus={connectionStatus}
        onSignOut={requestSignOut}
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
        {signOutBlocked && (
          <Alert
            className="fr-mb-2w"
            severity="warning"
            role="alert"
            closable
            onClose={() => setSignOutRequested(false)}
            title={`Vous avez ${pluralConversations(openCount)}`}
            description={
              <>
                Transférez-les à un collègue ou clôturez-les avant de vous déconnecter : sinon les citoyens attendraient
                sans réponse.
                {!connected && (
                  <Button
                    className="fr-mt-1w"
                    priority="secondary"
                    size="small"
                    onClick={onSignOut}
                    nativeButtonProps={testId('force-sign-out')}
                  >
                    Se déconnecter quand même
                  </Button>
                )}
              </>
            }
            data-testid="sign-out-blocked"
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
        {isOfficer && (
          <ShiftBar
            status={officerStatus.status}
            pending={officerStatus.pending}
            disabled={!connected}
            own={own}
            routingMode={roster.routingMode}
            onChange={changeStatus}
          />
        )}
        {isSupervisor || isEditor ? (
          <Tabs
            label="Vues de la console"
            tabs={[
              ...(isOfficer ? [{ tabId: 'conversations', label: 'Conversations', iconId: 'fr-icon-chat-3-line' } as const] : []),
              ...(isSupervisor ? [{ tabId: 'supervision', label: 'Supervision', iconId: 'fr-icon-line-chart-line' } as const] : []),
              ...(isEditor ? [{ tabId: 'editor', label: 'Éditeur', iconId: 'fr-icon-edit-line' } as const] : []),
            ]}
            selectedTabId={view}
            onTabChange={(tabId) => setView(tabId === 'supervision' || tabId === 'editor' ? tabId : 'conversations')}
          >
            {isOfficer && <div hidden={view !== 'conversations'}>{workspace}</div>}
            {view === 'supervision' && (
              <SupervisionView
                token={session.accessToken}
                intentTitles={intentTitles}
                onSessionExpired={onSessionExpired}
              />
            )}
            {view === 'editor' && <EditorPage accessToken={session.accessToken} />}
          </Tabs>
        ) : (
          workspace
        )}
      </main>
    </>
  );
}
