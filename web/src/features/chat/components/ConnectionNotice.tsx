import type { ConnectionStatus } from '../hooks/conversationReducer';

/**
 * Props: the link to the server, and whether the page came back on a new conversation instead of the one it had
 * (lost during a drop, or expired before a reload).
 */
export interface ConnectionNoticeProps {
  connection: ConnectionStatus;
  replacedLostConversation: boolean;
}

/** One line about the connection when it is not simply online; renders nothing otherwise. */
export function ConnectionNotice({ connection, replacedLostConversation }: ConnectionNoticeProps) {
  switch (connection) {
    case 'connecting':
      return <p className="chat-status">Connexion au service…</p>;
    case 'reconnecting':
      return <p className="chat-status">Connexion perdue, reconnexion en cours…</p>;
    case 'unavailable':
      return (
        <p className="chat-status chat-status--error">
          Le service est momentanément injoignable, nouvelle tentative en cours. En cas d'urgence, appelez le 17 ou le
          112.
        </p>
      );
    case 'online':
      return replacedLostConversation ? (
        <p className="chat-status" data-testid="conversation-replaced">
          Votre conversation précédente n'est plus disponible : une nouvelle conversation a commencé.
        </p>
      ) : null;
  }
}
