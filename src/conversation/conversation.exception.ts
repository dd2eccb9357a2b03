/** Why a conversation operation was refused. Values are the socket error codes of `src/contracts`. */
export enum ConversationExceptionCode {
  NotFound = 'CONVERSATION_NOT_FOUND',
  AlreadyTaken = 'CONVERSATION_ALREADY_TAKEN',
  NotYours = 'NOT_YOUR_CONVERSATION',
  ChoiceNotOffered = 'CHOICE_NOT_OFFERED',
  TooLong = 'CONVERSATION_TOO_LONG',
}

const MESSAGES: Record<ConversationExceptionCode, string> = {
  [ConversationExceptionCode.NotFound]: 'Cette conversation n’existe plus.',
  [ConversationExceptionCode.AlreadyTaken]: 'Cette conversation a déjà été prise par un collègue.',
  [ConversationExceptionCode.NotYours]: 'Cette conversation est tenue par un autre policier.',
  [ConversationExceptionCode.ChoiceNotOffered]: 'Ce choix n’est plus proposé : écrivez votre question.',
  [ConversationExceptionCode.TooLong]: 'Cette conversation est très longue : commencez-en une nouvelle pour continuer.',
};

/** A refused conversation operation. The message is static French text: it never contains user input. */
export class ConversationException extends Error {
  constructor(readonly code: ConversationExceptionCode) {
    super(MESSAGES[code]);
    this.name = ConversationException.name;
  }
}
