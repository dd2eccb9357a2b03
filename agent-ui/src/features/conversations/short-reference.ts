/** A short, stable label for a conversation: the first 8 characters of its id, upper-cased. */
export function shortReference(conversationId: string): string {
  return conversationId.slice(0, 8).toUpperCase();
}
