import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { MAX_MESSAGE_LENGTH_CHARS } from '../../../../../src/contracts/socket-events';
import type { AckResult } from '../../../lib/socket';
import { describeSocketError } from '../../../lib/socket-error-messages';
import { testId } from '../../../lib/test-id';

/**
 * Props: `disabled` (conversation closed or socket down), `onSend(text)` resolving with the server's
 * acknowledgement, and an optional `textareaRef` to focus the field.
 */
export interface ReplyFormProps {
  disabled: boolean;
  onSend: (text: string) => Promise<AckResult>;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The officer's answer box: « Votre réponse » (at most MAX_MESSAGE_LENGTH_CHARS characters; Enter sends,
 * Shift+Enter adds a line) and « Envoyer ». The text is cleared once the server acknowledges it and kept, with the
 * reason shown, when the server refuses it.
 */
export function ReplyForm({ disabled, onSend, textareaRef }: ReplyFormProps) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = text.trim();
  const canSend = !disabled && !sending && trimmed.length > 0;

  const submit = async () => {
    if (!canSend) {
      return;
    }
    setSending(true);
    const result = await onSend(trimmed);
    setSending(false);
    if (result.ok) {
      setText('');
      setError(null);
    } else {
      setError(describeSocketError(result.code));
    }
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form onSubmit={handleSubmit} className="fr-mt-2w">
      <Input
        textArea
        label="Votre réponse"
        hintText={`Entrée pour envoyer, Maj+Entrée pour aller à la ligne (${text.length} / ${MAX_MESSAGE_LENGTH_CHARS})`}
        disabled={disabled}
        state={error === null ? 'default' : 'error'}
        stateRelatedMessage={error}
        nativeTextAreaProps={{
          ref: textareaRef,
          value: text,
          rows: 3,
          maxLength: MAX_MESSAGE_LENGTH_CHARS,
          onChange: (event) => setText(event.target.value),
          onKeyDown: handleKeyDown,
          ...testId('reply-input'),
        }}
      />
      <Button
        type="submit"
        disabled={!canSend}
        iconId="fr-icon-send-plane-fill"
        nativeButtonProps={testId('reply-send')}
      >
        Envoyer
      </Button>
    </form>
  );
}
