import type { ConnectionStatus } from '../hooks/conversationReducer';

/** Props: the link to the server, and whether a lost conversation was just replaced by a new one. */
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
        <p className="chat-status">
          La connexion a été interrompue : une nouvelle conversation a commencé.
        </p>
      ) : null;
  }
}
