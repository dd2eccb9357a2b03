import { Chat } from '../features/chat/components/Chat';
import { EmergencyBanner } from '../features/chat/components/EmergencyBanner';

/** The citizen page: the emergency numbers pinned on top, the chat below. Takes no props. */
export function App() {
  return (
    <div className="app">
      <EmergencyBanner />
      <Chat />
    </div>
  );
}
