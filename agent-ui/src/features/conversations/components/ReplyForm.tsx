import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import {
  MAX_MESSAGE_LENGTH_CHARS,
  type CannedAnswer,
  type ServiceLink,
} from '../../../../../src/contracts/socket-events';
import { isWebUrl } from '../../../../../src/contracts/web-url';
import type { AckResult } from '../../../lib/socket';
import { describeAckFailure } from '../../../lib/socket-error-messages';
import { testId } from '../../../lib/test-id';
import { CannedAnswerPicker } from '../../canned-answers/components/CannedAnswerPicker';
import { useTypingNotifier } from '../hooks/useTypingNotifier';
import { LinkCardList } from './LinkCardList';

/**
 * Props: `disabled` (conversation closed or socket down), the `cannedAnswers` to pick links from,
 * `onSend(text, links)` resolving with the server's acknowledgement, `onTyping(typing)` to tell the citizen, and
 * an optional `textareaRef` to focus the field.
 */
export interface ReplyFormProps {
  disabled: boolean;
  cannedAnswers: CannedAnswer[];
  onSend: (text: string, links: ServiceLink[]) => Promise<AckResult>;
  onTyping: (typing: boolean) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** `links` plus the http(s) links of `added` it lacks (same URL), in order. */
function attach(links: ServiceLink[], added: ServiceLink[]): ServiceLink[] {
  const urls = new Set(links.map((link) => link.url));
  return [...links, ...added.filter((link) => isWebUrl(link.url) && !urls.has(link.url))];
}

/**
 * The officer's answer box: « Réponses types » (a picked answer attaches its links, shown as link cards with
 * « Retirer » under « Liens joints », `data-testid="attached-links"`), « Votre réponse » (at most
 * MAX_MESSAGE_LENGTH_CHARS characters; Enter sends, Shift+Enter adds a line) and « Envoyer ». Typing is reported
 * to the citizen (`useTypingNotifier`). The text and the links are cleared once the server acknowledges them and
 * kept, with the reason shown, when the server refuses them.
 */
export function ReplyForm({ disabled, cannedAnswers, onSend, onTyping, textareaRef }: ReplyFormProps) {
  const [text, setText] = useState('');
  const [links, setLinks] = useState<ServiceLink[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typingNotifier = useTypingNotifier(onTyping, !disabled);
  const trimmed = text.trim();
  // A canned answer's link cards may go alone, without a word.
  const canSend = !disabled && !sending && (trimmed.length > 0 || links.length > 0);

  const submit = async () => {
    if (!canSend) {
      return;
    }
    typingNotifier.stopped();
    setSending(true);
    const result = await onSend(trimmed, links);
    setSending(false);
    if (result.ok) {
      setText('');
      setLinks([]);
      setError(null);
    } else {
      setError(describeAckFailure(result));
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
    <form onSubmit={handleSubmit} className="reply-form fr-mt-2w">
      <CannedAnswerPicker
        answers={cannedAnswers}
        disabled={disabled}
        onPick={(answer) => setLinks((current) => attach(current, answer.links))}
      />
      {links.length > 0 && (
        <div className="attached-links fr-mb-2w" data-testid="attached-links">
          <p className="fr-text--sm fr-text--bold fr-mb-1v">
            Liens joints à votre réponse ({links.length})
          </p>
          <LinkCardList
            links={links}
            onRemove={(removed) => setLinks((current) => current.filter((link) => link.url !== removed.url))}
          />
        </div>
      )}
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
          onChange: (event) => {
            setText(event.target.value);
            if (event.target.value.trim() === '') {
              typingNotifier.stopped();
            } else {
              typingNotifier.inputChanged();
            }
          },
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
