/** Props: whether the officer holding the chat is typing now. */
export interface TypingIndicatorProps {
  typing: boolean;
}

/** « Le policier écrit… » while the officer types; renders nothing otherwise. */
export function TypingIndicator({ typing }: TypingIndicatorProps) {
  return typing ? (
    <p className="chat-status chat-status--detail" data-testid="officer-typing">
      Le policier écrit…
    </p>
  ) : null;
}
