import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import type { IntentSuggestion } from '../contracts/socket-events';
import { maskContactDetails } from './mask-contact-details';

/** Suggestions kept at most; past it the oldest goes (memory stays bounded). */
export const MAX_SUGGESTIONS = 500;

/**
 * Officers' example suggestions (« le bot aurait dû répondre »), masked, in memory only: editors read them on their
 * page and delete them once handled; a restart forgets them (nothing is written to disk).
 */
@Injectable()
export class SuggestionStore {
  private readonly suggestions: IntentSuggestion[] = [];

  constructor(private readonly clock: Clock) {}

  /** Keeps a suggestion, phone numbers and e-mail addresses masked (`maskContactDetails`). */
  add(intent: string, utterance: string, officerName: string): IntentSuggestion {
    const suggestion: IntentSuggestion = { id: randomUUID(), intent, utterance: maskContactDetails(utterance), officerName, suggestedAt: this.clock.now() };
    this.suggestions.push(suggestion);
    if (this.suggestions.length > MAX_SUGGESTIONS) {
      this.suggestions.shift();
    }
    return suggestion;
  }

  /** Every suggestion, newest first. */
  list(): IntentSuggestion[] {
    return [...this.suggestions].reverse();
  }

  /** @returns false when no suggestion has this id. */
  delete(id: string): boolean {
    const index = this.suggestions.findIndex((suggestion) => suggestion.id === id);
    if (index === -1) {
      return false;
    }
    this.suggestions.splice(index, 1);
    return true;
  }
}
