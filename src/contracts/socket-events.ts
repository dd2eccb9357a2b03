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
/**
 * Engine.io path of the officer console's socket (the citizens' is socket.io's default `/socket.io/`): everything
 * of the console is under `/agent/` and `/api/`, so a load balancer can send it to the core instance by path.
 */
export const OFFICER_SOCKET_PATH = '/agent/socket.io';

/** Longest message a citizen or an officer may send, in characters (UTF-16 code units). */
export const MAX_MESSAGE_LENGTH_CHARS = 2000;
/** Longest transfer note (`handoff:transfer`), in characters. */
export const MAX_TRANSFER_NOTE_CHARS = 500;
/** Longest example sentence an officer may suggest (`POST /api/v1/suggestions`), in characters. */
export const MAX_SUGGESTION_CHARS = 300;

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
  safetyFlag?: SafetyFlag;
  /** Present on officer messages: the officer's display name. */
  officerName?: string;
  /**
   * Present on bot answers given while the citizen waits for an officer (« En attendant… »): the citizen page
   * offers to leave the queue if the answer is enough.
   */
  whileQueued?: true;
  /**
   * Present on the system message sent when the maximum wait is reached: the citizen page offers « Continuer
   * d'attendre » (`handoff:keep-waiting`) and « Quitter la file » (`handoff:cancel`).
   */
  offerKeepWaiting?: true;
  /** Milliseconds since the epoch, server clock. */
  sentAt: number;
}

/** Life cycle of a conversation. */
export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'closed';

/**
 * Why a conversation ended: an officer closed it, the citizen ended it, or the citizen was gone longer than the
 * reconnect grace period (`CITIZEN_RECONNECT_GRACE_SECONDS`).
 */
export type CloseReason = 'officer_closed' | 'citizen_left' | 'citizen_gone';

/** How an officer ended a conversation, as the supervisor view and the metrics count it. */
export type CloseOutcome = 'redirected' | 'answered' | 'emergency_redirected' | 'abusive' | 'no_reply';

/** Every close outcome, in the order the console offers them. */
export const CLOSE_OUTCOMES: readonly CloseOutcome[] = ['redirected', 'answered', 'emergency_redirected', 'abusive', 'no_reply'];

/** Safety flags a conversation may carry. */
export type SafetyFlag = 'emergency' | 'suicide_prevention';

/**
 * What triage saw in a conversation, for the officer who takes it: intents the bot tried (ids, first seen first),
 * the best confidence reached (0–1, null before any message), safety flags raised, and the language of the last
 * message. Never message text.
 */
export interface TriageSummary {
  intents: string[];
  bestConfidence: number | null;
  flags: SafetyFlag[];
  language: ReplyLanguage;
}

/** A note an officer attaches when transferring a conversation (to a colleague or back to the queue). */
export interface TransferNote {
  fromOfficerName: string;
  text: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** A pinned message shown when a chat opens (`intents/settings.yaml`), while its validity period runs. */
export interface Announcement {
  id: string;
  title: string;
  text: string;
  links: ServiceLink[];
}

/**
 * One entry of the citizen page's orientation menu (« Je suis victime », « Je veux signaler », « Je m'informe »),
 * from `intents/settings.yaml`: a title and the official services it leads to.
 */
export interface OrientationSection {
  id: string;
  title: string;
  links: ServiceLink[];
}

/** Why a conversation left the queue without an officer: the citizen left it, or the maximum wait was reached. */
export type QueueExitReason = 'citizen_cancelled' | 'max_wait';

/** A waiting conversation as the officer console lists it. */
export interface QueueItemView {
  conversationId: string;
  /** 1-based position in the queue. */
  position: number;
  /**
   * The chat waits in the priority group: the safety layer flagged it (danger, suicide risk; see `summary.flags`),
   * or it came back to the head of the queue (its officer dropped or sent it back).
   */
  priority: boolean;
  /** Milliseconds since the epoch when the conversation entered the queue. */
  queuedAt: number;
  /** The conversation so far, in server order. */
  messages: ChatMessage[];
  summary: TriageSummary;
  /** False while the citizen is disconnected (within the grace period): taking it deserves a warning. */
  citizenConnected: boolean;
  /** Set when an officer sent the conversation back to the queue with a note. */
  notes: TransferNote[];
}

/** A conversation an officer holds. */
export interface AssignedConversationView {
  conversationId: string;
  status: ConversationStatus;
  messages: ChatMessage[];
  summary: TriageSummary;
  citizenConnected: boolean;
  /** Notes of earlier transfers, oldest first (officers only, never sent to the citizen). */
  notes: TransferNote[];
}

/** An officer's availability, set from the console: only `available` officers get chats routed to them. */
export type OfficerStatus = 'available' | 'busy' | 'away';

/** An officer as the roster and the supervisor view show them. `load` and `capacity` count concurrent chats. */
export interface OfficerLoadView {
  id: string;
  displayName: string;
  online: boolean;
  status: OfficerStatus;
  load: number;
  capacity: number;
}

/** A canned answer: an intent's links, one click inserts them as link cards in an officer's reply. */
export interface CannedAnswer {
  intent: string;
  title: string;
  links: ServiceLink[];
  /**
   * Milliseconds since the epoch since when the intent is in force (its `valid_from`); null when it has no start.
   * With `activeUntil`, lets the console show « En vigueur depuis le … » for time-boxed intents.
   */
  activeSince?: number | null;
  /** Milliseconds since the epoch when the intent stops being in force (its `valid_until`, excluded); null without an end. */
  activeUntil?: number | null;
}

/** `GET /api/v1/supervision` (supervisor role): the shift at a glance. Counts only, no text. */
export interface SupervisionSnapshot {
  queueLength: number;
  /** Milliseconds the head of the queue has waited; 0 when the queue is empty. */
  longestWaitMs: number;
  routingMode: RoutingMode;
  officers: OfficerLoadView[];
  today: DailyStats;
}

/** How waiting chats reach officers: officers pick from the queue, or the least-loaded available one gets it. */
export type RoutingMode = 'pick' | 'auto';

/** Aggregate counts since midnight, Europe/Paris. */
export interface DailyStats {
  /** Calendar day, `YYYY-MM-DD`, Europe/Paris. */
  date: string;
  conversations: number;
  /** Conversations that reached the queue. */
  handedOff: number;
  /** Share of ended conversations that never reached the queue, in [0, 1]; null before the first one ends. */
  deflectionRate: number | null;
  /** Closes by officers, by outcome. */
  outcomes: Record<CloseOutcome, number>;
  /** Bot decisions per intent (`none` when no intent matched), by triage outcome. */
  intents: { intent: string; answer: number; emergency: number; clarify: number; handoff: number }[];
  /** Ratings given at the end of a chat, counts for scores 1 to 5 (index 0 is score 1). */
  ratings: number[];
}

/** The signed-in officer, as the console shows them. */
export interface OfficerProfile {
  id: string;
  username: string;
  displayName: string;
  /** What the account may do: answer chats (officer), oversee the shift (supervisor), edit intents (editor). */
  roles: OfficerRole[];
  /**
   * How the officer signed in: a local password (which they can change in the console) or the identity provider
   * (OpenID Connect: no local password). Absent on tokens signed before it existed: a local password.
   */
  signIn?: 'password' | 'oidc';
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
  | 'AT_CAPACITY'
  | 'OFFICER_UNAVAILABLE'
  | 'CONVERSATION_EXPIRED'
  | 'NOT_WAITING'
  | 'LINK_NOT_IN_CATALOG'
  | 'SERVICE_UNAVAILABLE'
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
  /** The citizen leaves the queue but keeps the conversation with the bot. Refused with `NOT_WAITING` otherwise. */
  'handoff:cancel': (payload: Record<string, never>, ack?: (ack: Ack) => void) => void;
  /** After the maximum wait, the citizen chooses to keep waiting: back in the queue at their place. */
  'handoff:keep-waiting': (payload: Record<string, never>, ack?: (ack: Ack) => void) => void;
  /** The citizen is typing (true) or stopped (false); forwarded to the officer holding the chat. */
  'conversation:typing': (payload: { typing: boolean }) => void;
}

/**
 * Handshake `auth` of a citizen socket. Without `resumeToken` (or with an unknown or expired one) a new
 * conversation opens. With the token of a live conversation the socket joins it (a reload, a second tab, a
 * network drop within the grace period) and receives the messages with `seq > lastSeq`.
 */
export interface CitizenHandshakeAuth {
  resumeToken?: string;
  lastSeq?: number;
}

/** Server → citizen events on `/citizen`. */
export interface CitizenServerToClientEvents {
  /**
   * Sent once after connecting. `resumeToken` identifies the conversation across reconnects (keep it in the
   * browser, send it back in the handshake `auth`); `resumed` is true when an existing conversation was joined.
   * `announcements` are the pinned messages valid now. `status` is the conversation's state.
   */
  'conversation:started': (payload: {
    conversationId: string;
    resumeToken: string;
    resumed: boolean;
    status: ConversationStatus;
    announcements: Announcement[];
    /** The orientation menu, in the settings' order (empty when the settings define none). */
    orientation: OrientationSection[];
  }) => void;
  /** A message of the conversation (the citizen's own, echoed with its `seq`, the bot's, an officer's). */
  'conversation:message': (message: ChatMessage) => void;
  /**
   * The conversation entered the officer queue, or its position or estimate changed. `position` is 1-based;
   * `estimatedWaitMs` comes from recent handling times and the officers available, null when no officer is.
   */
  'handoff:queued': (payload: { position: number; estimatedWaitMs: number | null }) => void;
  /** The conversation left the queue without an officer; the bot answers again. */
  'handoff:left': (payload: { reason: QueueExitReason }) => void;
  /** The officer holding the chat is typing (true) or stopped (false). */
  'conversation:typing': (payload: { typing: boolean }) => void;
  /** An officer took the conversation. */
  'handoff:assigned': (payload: { officerName: string }) => void;
  /**
   * The conversation is over; the server has forgotten it. `ratingToken` (single use, valid one hour) lets the
   * citizen rate the chat with `POST /api/v1/ratings`; it is not linked to the conversation.
   */
  'conversation:closed': (payload: { reason: CloseReason; ratingToken: string }) => void;
  exception: (payload: SocketException) => void;
}

/** `POST /api/v1/ratings` body: a citizen's rating of a chat, kept only as a count per score. */
export interface RatingRequest {
  ratingToken: string;
  /** 1 (bad) to 5 (very good). */
  score: number;
}

/** Officer → server events on `/officer`. */
export interface OfficerClientToServerEvents {
  /** Take a waiting conversation; exactly one officer gets it. */
  'handoff:take': (payload: { conversationId: string }, ack?: (ack: Ack) => void) => void;
  /**
   * Write to the citizen of a conversation this officer holds. `links` must be links of the intent catalogue
   * (canned answers), else `LINK_NOT_IN_CATALOG`.
   */
  'conversation:message': (
    payload: { conversationId: string; text: string; links?: ServiceLink[] },
    ack?: (ack: Ack) => void,
  ) => void;
  /** Close a conversation this officer holds, with its outcome. */
  'conversation:close': (payload: { conversationId: string; outcome: CloseOutcome }, ack?: (ack: Ack) => void) => void;
  /** Set this officer's availability. `away` stops queue updates until `available` or `busy` again. */
  'officer:status': (payload: { status: OfficerStatus }, ack?: (ack: Ack) => void) => void;
  /**
   * Hand a held conversation to another online officer (`to`: their id) or back to the head of the queue
   * (`to: 'queue'`), with a note for the next officer (officers only).
   */
  'handoff:transfer': (payload: { conversationId: string; to: string; note: string }, ack?: (ack: Ack) => void) => void;
  /** This officer is typing (true) or stopped (false) in a conversation they hold. */
  'conversation:typing': (payload: { conversationId: string; typing: boolean }) => void;
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
  /** A conversation this officer held was transferred away or went back to the queue: drop it from the console. */
  'conversation:released': (payload: { conversationId: string }) => void;
  /** The citizen of a held conversation is typing. */
  'conversation:typing': (payload: { conversationId: string; typing: boolean }) => void;
  /** The citizen of a held conversation dropped (false) or came back (true). */
  'conversation:citizen-presence': (payload: { conversationId: string; connected: boolean }) => void;
  /** Every officer account with its presence, status and load; sent on connection and after every change. */
  'officer:roster': (payload: { officers: OfficerLoadView[]; routingMode: RoutingMode }) => void;
  /** The canned answers (one per intent with links); sent on connection and after every intent reload. */
  'officer:canned-answers': (payload: { answers: CannedAnswer[] }) => void;
  exception: (payload: SocketException) => void;
}

/** Shortest new officer password (`POST /api/v1/auth/password`), in characters: OWASP ASVS 4.0.3 V2.1.1. */
export const MIN_PASSWORD_LENGTH_CHARS = 12;
/** Longest new officer password, in characters: OWASP ASVS 4.0.3 V2.1.2 (allow 64, deny more than 128). */
export const MAX_PASSWORD_LENGTH_CHARS = 128;

/** `POST /api/v1/auth/password` body (Bearer token of a password sign-in). */
export interface PasswordChangeRequest {
  currentPassword: string;
  newPassword: string;
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

/** An intent as the editor page shows it (`GET /api/v1/editor/intents`, editor role). */
export interface EditorIntentView {
  id: string;
  title: string;
  outcome: 'answer' | 'emergency' | 'handoff';
  sourceFile: string;
  examples: string[];
  links: ServiceLink[];
  /** Whether the intent is in force now, and since / until when (ms since the epoch; null: no bound). */
  active: boolean;
  activeSince: number | null;
  activeUntil: number | null;
}

/** `GET /api/v1/editor/intents`: the catalogue in force and the errors of the last refused change. */
export interface EditorCatalogView {
  version: string;
  /** ISO 8601. */
  loadedAt: string;
  intents: EditorIntentView[];
  /** `file:line:column: field : message`, in French; empty when the folder is valid. */
  errors: string[];
}

/** `POST /api/v1/suggestions` body (officer role): an example sentence the officer wrote for an intent. */
export interface SuggestionRequest {
  intent: string;
  /** At most 300 characters; phone numbers and e-mail addresses are masked before it is kept. */
  utterance: string;
}

/** A suggestion as editors see it (`GET /api/v1/suggestions`, editor role). Kept in memory only. */
export interface IntentSuggestion {
  id: string;
  intent: string;
  /** The sentence, phone numbers and e-mail addresses replaced by « [téléphone] » and « [e-mail] ». */
  utterance: string;
  officerName: string;
  /** Milliseconds since the epoch. */
  suggestedAt: number;
}

/** Which policy step decided, for the trace. */
export type PolicyStep =
  | 'safety-floor'
  | 'safety-rules'
  | 'other-language'
  | 'two-needs'
  | 'clarify'
  | 'answer'
  | 'handoff-intent'
  | 'small-talk'
  | 'fallback';

/** Why triage decided as it did (`?explain=1`, for officers only: it holds the message's words). */
export interface TriageTrace {
  normalized: string;
  tokens: { word: string; stem: string; clause: number; negated: boolean }[];
  corrections: string[];
  language: ReplyLanguage;
  safety: { floorHit: string | null; pastMarker: boolean; presentMarker: boolean };
  scores: { intent: string; confidence: number; similarity: number; rulesHit: string[] }[];
  step: PolicyStep;
}

/** `POST /api/v1/editor/playground` (editor role) and `POST /api/v1/triage?explain=1` answer: the decision and its trace. */
export type ExplainedDecision = TriageDecision & { trace: TriageTrace };
