import type { ChatMessage } from '../../../src/contracts/socket-events';
import { isWebUrl } from '../../../src/contracts/web-url';

/** Two digits, zero-padded: 7 → « 07 ». */
function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** « HH:mm » of `at` (milliseconds since the epoch) in the device's time zone, 24-hour clock. */
function clockTime(at: number): string {
  const date = new Date(at);
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/** Who wrote `message`, as the transcript names them. */
function speaker(message: ChatMessage): string {
  switch (message.author) {
    case 'citizen':
      return 'Vous';
    case 'bot':
      return 'Assistant automatique';
    case 'officer':
      return message.officerName === undefined ? 'Policier' : `Policier (${message.officerName})`;
    case 'system':
      return 'Service';
  }
}

/** Continuation lines of a message and its links are indented under it. */
const INDENT = '    ';

/**
 * The conversation as plain text, one message per entry in the order given (the page's `seq` order):
 * `[HH:mm] Vous|Assistant automatique|Policier (name)|Service : text`, the message's further lines indented
 * under it, then its http(s) links, one per line as `    - title : url`. Times are the server's `sentAt` in the
 * device's time zone. Built in the browser only: the server keeps no copy of a conversation.
 */
export function buildTranscript(messages: readonly ChatMessage[]): string {
  const lines: string[] = [];
  for (const message of messages) {
    const [firstLine, ...otherLines] = message.text.split(/\r?\n/);
    lines.push(`[${clockTime(message.sentAt)}] ${speaker(message)} : ${firstLine}`);
    lines.push(...otherLines.map((line) => `${INDENT}${line}`));
    for (const link of message.links.filter((candidate) => isWebUrl(candidate.url))) {
      lines.push(`${INDENT}- ${link.title} : ${link.url}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `conversation-police-YYYY-MM-DD-HHmm.txt`, from `startedAt` (milliseconds since the epoch, the first message's
 * `sentAt`) in the device's time zone.
 */
export function transcriptFileName(startedAt: number): string {
  const date = new Date(startedAt);
  const day = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  return `conversation-police-${day}-${twoDigits(date.getHours())}${twoDigits(date.getMinutes())}.txt`;
}
