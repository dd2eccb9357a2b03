/**
 * Socket.io contracts shared by the NestJS service, the citizen page (`web/`) and the officer console
 * (`agent-ui/`). Pure TypeScript: no Nest or socket.io import, so both React apps can import this file.
 *
 * Event names are `domain:event` in kebab case and are declared once here.
 */

/** Socket.io namespace of the citizen chat. */
export const CITIZEN_NAMESPACE = '/citizen';
/** Socket.io namespace of the officer console; connecting needs `auth: { token }` from `POST /api/v1/auth/login`. */
export const OFFICER_NAMESPACE = '/officer';

/** Longest message a citizen or an officer may send, in characters (UTF-16 code units). */
export const MAX_MESSAGE_LENGTH_CHARS = 2000;

/** A link to an official service, shown as a clickable card. Only https URLs. */
export interface ServiceLink {
  title: string;
  url: string;
}

/**
 * What triage decided for one citizen message: alert (danger now or suicide risk: never queued), answer from the
 * rules, ask the citizen to choose between two close intents, or hand the chat to an officer.
 */
export type TriageOutcome = 'answer' | 'emergency' | 'clarify' | 'handoff';

/** The language triage detected: replies are French, English for clearly English messages, else a short notice. */
export type ReplyLanguage = 'fr' | 'en' | 'other';

/** A quick-reply button of a `clarify` decision. */
export interface IntentChoice {
  intent: string;
  title: string;
}

/**
 * The triage decision, as `POST /api/v1/triage` returns it and as the bot's messages carry it.
 * `confidence` is in [0, 1]; `intent` is the main intent, null when nothing matched; `intents` lists every intent
 * the reply covers (two for a message with two needs); `choices` is set for `clarify`.
 */
export interface TriageDecision {
  outcome: TriageOutcome;
  intent: string | null;
  intents: string[];
  confidence: number;
  language: ReplyLanguage;
  reply: string;
  links: ServiceLink[];
  choices?: IntentChoice[];
}

/** Who wrote a message: the citizen, the bot (automatic), an officer, or the service (joins, closes). */
export type MessageAuthor = 'citizen' | 'bot' | 'officer' | 'system';

/** One message of a conversation, numbered by the server (`seq` starts at 1 and grows by one). */
export interface ChatMessage {
  conversationId: string;
  seq: number;
  author: MessageAuthor;
  text: string;
  links: ServiceLink[];
  /** Present on bot messages: the triage outcome that produced it. */
  outcome?: TriageOutcome;
  /** Present on `clarify` bot messages: the quick replies to offer. */
  choices?: IntentChoice[];
  /**
   * Present on citizen messages the safety layer flagged (danger now, suicide risk): the officer's console
   * highlights them, also once the bot is silent because an officer holds the chat.
   */
  safetyFlag?: 'emergency' | 'suicide_prevention';
  /** Present on officer messages: the officer's display name. */
  officerName?: string;
  /** Milliseconds since the epoch, server clock. */
  sentAt: number;
}

/** Life cycle of a conversation. */
export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'closed';

/** Why a conversation ended. */
export type CloseReason = 'officer_closed' | 'citizen_left';

/** A waiting conversation as the officer console lists it. */
export interface QueueItemView {
  conversationId: string;
  /** 1-based position in the queue. */
  position: number;
  /** The safety layer flagged the chat (danger, suicide risk): it waits ahead of the others. */
  priority: boolean;
  /** Milliseconds since the epoch when the conversation entered the queue. */
  queuedAt: number;
  /** The conversation so far, in server order. */
  messages: ChatMessage[];
}

/** A conversation an officer holds. */
export interface AssignedConversationView {
  conversationId: string;
  status: ConversationStatus;
  messages: ChatMessage[];
}

/** The signed-in officer, as the console shows them. */
export interface OfficerProfile {
  id: string;
  username: string;
  displayName: string;
  /** What the account may do: answer chats (officer), oversee the shift (supervisor), edit intents (editor). */
  roles: OfficerRole[];
}

/** Roles of an officer account. */
export type OfficerRole = 'officer' | 'supervisor' | 'editor';

/** Every role, in a fixed order. */
export const OFFICER_ROLES: readonly OfficerRole[] = ['officer', 'supervisor', 'editor'];

/** Acknowledgement of a client event: `ok`, or an error code (see `SocketErrorCode`). */
export type Ack = { ok: true } | { ok: false; code: SocketErrorCode; message: string };

/** Error codes a socket acknowledgement or `exception` event may carry. */
export type SocketErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'CONVERSATION_NOT_FOUND'
  | 'CONVERSATION_ALREADY_TAKEN'
  | 'NOT_YOUR_CONVERSATION'
  | 'CHOICE_NOT_OFFERED'
  | 'CONVERSATION_TOO_LONG'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR';

/** Payload of the `exception` event Nest sends when a handler throws (validation, authorisation). */
export interface SocketException {
  status: 'error';
  message: string;
  code?: SocketErrorCode;
}

/** Citizen → server events on `/citizen`. */
export interface CitizenClientToServerEvents {
  /** The citizen writes a message; the bot or the officer answers. */
  'conversation:message': (payload: { text: string }, ack?: (ack: Ack) => void) => void;
  /** The citizen picks a quick reply of the last `clarify` message. */
  'conversation:choose': (payload: { intent: string }, ack?: (ack: Ack) => void) => void;
  /** The citizen asks for an officer (the « Parler à un policier » button). */
  'handoff:request': (payload: Record<string, never>, ack?: (ack: Ack) => void) => void;
  /** The citizen ends the conversation; it is forgotten by the server. */
  'conversation:leave': (payload: Record<string, never>, ack?: (ack: Ack) => void) => void;
}

/** Server → citizen events on `/citizen`. */
export interface CitizenServerToClientEvents {
  /** Sent once after connecting. */
  'conversation:started': (payload: { conversationId: string }) => void;
  /** A message of the conversation (the citizen's own, echoed with its `seq`, the bot's, an officer's). */
  'conversation:message': (message: ChatMessage) => void;
  /** The conversation entered the officer queue, or its position changed. `position` is 1-based. */
  'handoff:queued': (payload: { position: number }) => void;
  /** An officer took the conversation. */
  'handoff:assigned': (payload: { officerName: string }) => void;
  /** The conversation is over; the server has forgotten it. */
  'conversation:closed': (payload: { reason: CloseReason }) => void;
  exception: (payload: SocketException) => void;
}

/** Officer → server events on `/officer`. */
export interface OfficerClientToServerEvents {
  /** Take a waiting conversation; exactly one officer gets it. */
  'handoff:take': (payload: { conversationId: string }, ack?: (ack: Ack) => void) => void;
  /** Write to the citizen of a conversation this officer holds. */
  'conversation:message': (payload: { conversationId: string; text: string }, ack?: (ack: Ack) => void) => void;
  /** Close a conversation this officer holds. */
  'conversation:close': (payload: { conversationId: string }, ack?: (ack: Ack) => void) => void;
}

/** Server → officer events on `/officer`. */
export interface OfficerServerToClientEvents {
  /** Sent once after a successful connection. */
  'officer:session': (payload: { officer: OfficerProfile }) => void;
  /** The whole waiting queue, sent on connection and after every change. */
  'handoff:queue': (payload: { items: QueueItemView[] }) => void;
  /** A conversation this officer now holds, with its history. */
  'conversation:assigned': (payload: AssignedConversationView) => void;
  /** A new message in a conversation this officer holds. */
  'conversation:message': (message: ChatMessage) => void;
  /** A conversation this officer held is over. */
  'conversation:closed': (payload: { conversationId: string; reason: CloseReason }) => void;
  exception: (payload: SocketException) => void;
}

/** `POST /api/v1/auth/login` body and answer. */
export interface LoginRequest {
  username: string;
  password: string;
}
export interface LoginResponse {
  accessToken: string;
  /** Token lifetime in seconds. */
  expiresInSeconds: number;
  officer: OfficerProfile;
}
