import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { MAX_MESSAGE_LENGTH_CHARS } from '../../../../../src/contracts/socket-events';

/** From this length the field shows how many characters are left. */
const NEAR_LIMIT_CHARS = MAX_MESSAGE_LENGTH_CHARS - 200;

/**
 * Props: whether the conversation takes messages now, how to send one (resolves to true once accepted), and what
 * to call on each keystroke that changes the draft (the typing signal to the officer).
 */
export interface MessageComposerProps {
  disabled: boolean;
  onSend: (text: string) => Promise<boolean>;
  onTyping: () => void;
}

/**
 * The « Votre message » field and its « Envoyer » button. Enter sends, Shift+Enter starts a new line; blank text
 * is never sent; near the 2 000-character limit the field counts the characters and says how to send more. The draft is cleared only once the server accepted the message, which then comes back in the log.
 */
export function MessageComposer({ disabled, onSend, onTyping }: MessageComposerProps) {
  const [draft, setDraft] = useState('');
  const [isSending, setIsSending] = useState(false);
  const text = draft.trim();
  // Pasted text longer than the limit is cut by the field: say so, and how to send the rest.
  const nearLimit = draft.length >= NEAR_LIMIT_CHARS;
  const canSend = !disabled && !isSending && text.length > 0;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canSend) {
      return;
    }
    setIsSending(true);
    const accepted = await onSend(text);
    setIsSending(false);
    if (accepted) {
      // Keep anything typed while the message was on its way.
      setDraft((current) => (current.trim() === text ? '' : current));
    }
  };

  const sendOnEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  const textAreaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & Record<`data-${string}`, string> = {
    value: draft,
    onChange: (event) => {
      setDraft(event.target.value);
      onTyping();
    },
    onKeyDown: sendOnEnter,
    maxLength: MAX_MESSAGE_LENGTH_CHARS,
    rows: 2,
    placeholder: 'Ex. : porter plainte pour un vol',
    enterKeyHint: 'send',
    'data-testid': 'message-input',
  };

  return (
    <form className="message-composer" onSubmit={(event) => void submit(event)}>
      <Input
        label="Votre message"
        hintText={
          nearLimit
            ? `${draft.length} / ${MAX_MESSAGE_LENGTH_CHARS} caractères : au-delà, envoyez la suite dans un second message.`
            : undefined
        }
        textArea
        disabled={disabled}
        nativeTextAreaProps={textAreaProps}
        addon={
          <Button
            type="submit"
            iconId="fr-icon-send-plane-fill"
            iconPosition="right"
            disabled={!canSend}
            nativeButtonProps={{ 'data-testid': 'send-button' }}
          >
            Envoyer
          </Button>
        }
      />
    </form>
  );
}
