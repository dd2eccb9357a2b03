/** Why a conversation operation was refused. Values are the socket error codes of `src/contracts`. */
export enum ConversationExceptionCode {
  NotFound = 'CONVERSATION_NOT_FOUND',
  AlreadyTaken = 'CONVERSATION_ALREADY_TAKEN',
  NotYours = 'NOT_YOUR_CONVERSATION',
  ChoiceNotOffered = 'CHOICE_NOT_OFFERED',
  TooLong = 'CONVERSATION_TOO_LONG',
  NotWaiting = 'NOT_WAITING',
  Expired = 'CONVERSATION_EXPIRED',
  AtCapacity = 'AT_CAPACITY',
  OfficerUnavailable = 'OFFICER_UNAVAILABLE',
  LinkNotInCatalog = 'LINK_NOT_IN_CATALOG',
}

const MESSAGES: Record<ConversationExceptionCode, string> = {
  [ConversationExceptionCode.NotFound]: 'Cette conversation n’existe plus.',
  [ConversationExceptionCode.AlreadyTaken]: 'Cette conversation a déjà été prise par un collègue.',
  [ConversationExceptionCode.NotYours]: 'Cette conversation est tenue par un autre policier.',
  [ConversationExceptionCode.ChoiceNotOffered]: 'Ce choix n’est plus proposé : écrivez votre question.',
  [ConversationExceptionCode.TooLong]: 'Cette conversation est très longue : commencez-en une nouvelle pour continuer.',
  [ConversationExceptionCode.NotWaiting]: 'Cette conversation n’est pas en file d’attente.',
  [ConversationExceptionCode.Expired]: 'Conversation expirée : le citoyen n’attend plus un policier.',
  [ConversationExceptionCode.AtCapacity]: 'Vous avez déjà le nombre maximal de conversations : clôturez-en une avant d’en prendre une autre.',
  [ConversationExceptionCode.OfficerUnavailable]: 'Ce collègue n’est pas disponible (hors ligne, absent ou au maximum de conversations).',
  [ConversationExceptionCode.LinkNotInCatalog]: 'Ce lien ne fait pas partie des réponses types : insérez un lien depuis les réponses types.',
};

/** A refused conversation operation. The message is static French text: it never contains user input. */
export class ConversationException extends Error {
  constructor(readonly code: ConversationExceptionCode) {
    super(MESSAGES[code]);
    this.name = ConversationException.name;
  }
}
