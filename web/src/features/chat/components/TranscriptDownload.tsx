import { fr } from '@codegouvfr/react-dsfr';
import { useEffect, useMemo, useState } from 'react';
import type { ChatMessage } from '../../../../../src/contracts/socket-events';
import { buildTranscript, transcriptFileName } from '../../../lib/transcript';

/** Props: the conversation's messages, in `seq` order (at least one). */
export interface TranscriptDownloadProps {
  messages: ChatMessage[];
}

/**
 * « Télécharger la conversation »: a link to a plain-text transcript built in the browser (`lib/transcript`), as
 * a `Blob` URL with the `download` file name `conversation-police-YYYY-MM-DD-HHmm.txt` (time of the first
 * message). The file exists only on the citizen's device; the URL is revoked when the messages change or the
 * link goes away.
 */
export function TranscriptDownload({ messages }: TranscriptDownloadProps) {
  const text = useMemo(() => buildTranscript(messages), [messages]);
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [text]);

  if (url === null || messages.length === 0) {
    return null;
  }
  return (
    <a
      className={fr.cx('fr-btn', 'fr-btn--secondary', 'fr-btn--icon-left', 'fr-icon-download-line')}
      href={url}
      download={transcriptFileName(messages[0].sentAt)}
      data-testid="transcript-download"
    >
      Télécharger la conversation
    </a>
  );
}
