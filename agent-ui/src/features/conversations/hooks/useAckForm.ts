import { type FormEvent, useState } from 'react';
import type { AckResult } from '../../../lib/socket';
import { describeAckFailure } from '../../../lib/socket-error-messages';

/** State of a chat panel form whose submit waits for the server's acknowledgement. */
export interface AckForm {
  /** The officer tried to submit once: missing fields say so from then on. */
  submitted: boolean;
  pending: boolean;
  /** The server's refusal in French, or null. */
  error: string | null;
  /**
   * The form's submit handler: marks the form submitted, then sends with `send` unless it is null (a required field
   * is missing), the socket is down (`disabled`) or a send is pending; a refusal becomes `error`.
   */
  submit: (event: FormEvent<HTMLFormElement>, send: (() => Promise<AckResult>) | null) => Promise<void>;
}

/** Submit, pending and refusal state shared by the close and transfer forms; `disabled` while the socket is down. */
export function useAckForm(disabled: boolean): AckForm {
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>, send: (() => Promise<AckResult>) | null) => {
    event.preventDefault();
    setSubmitted(true);
    if (send === null || disabled || pending) {
      return;
    }
    setPending(true);
    setError(null);
    const result = await send();
    setPending(false);
    if (!result.ok) {
      setError(describeAckFailure(result));
    }
  };
  return { submitted, pending, error, submit };
}
