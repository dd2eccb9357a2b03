import { fr } from '@codegouvfr/react-dsfr';
import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import { useState, type FormEvent } from 'react';
import { submitRating, type RatingResult } from '../../../lib/ratings';

/** Props: the single-use token of `conversation:closed` that lets the citizen rate this chat. */
export interface ChatRatingProps {
  ratingToken: string;
}

/** The five scores, 1 (bad) to 5 (very good) as `RatingRequest` defines them, with their French words. */
const SCORES = [
  { score: 1, word: 'Très mal' },
  { score: 2, word: 'Mal' },
  { score: 3, word: 'Moyennement' },
  { score: 4, word: 'Bien' },
  { score: 5, word: 'Très bien' },
] as const;

/** What the citizen sees once the rating was sent, by result: thanks, or a polite word that it did not count. */
const resultText: Record<RatingResult, string> = {
  recorded: 'Merci pour votre avis.',
  refused:
    "Votre avis n'a pas pu être pris en compte : le délai est dépassé ou il a déjà été donné. Merci d'avoir pris le temps de répondre.",
  failed: "Votre avis n'a pas pu être envoyé. Merci d'avoir pris le temps de répondre.",
};

/**
 * « Comment s'est passé cet échange ? »: five stars that are a radio group (one radio per score, each labelled
 * « N sur 5 : word » for screen readers, keyboard arrows move between them), then « Envoyer mon avis », which
 * sends `POST /api/v1/ratings`. After the answer, the form gives way to thanks (204) or a polite notice (any error).
 * Only the count per score is kept by the service.
 */
export function ChatRating({ ratingToken }: ChatRatingProps) {
  const [score, setScore] = useState<number | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [result, setResult] = useState<RatingResult | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (score === null || isSending) {
      return;
    }
    setIsSending(true);
    setResult(await submitRating({ ratingToken, score }));
  };

  const chosenWord = SCORES.find((option) => option.score === score)?.word;

  return (
    <div className="chat-rating">
      {result === null && (
        <form onSubmit={(event) => void submit(event)} data-testid="chat-rating">
          <fieldset className="chat-rating__fieldset">
            <legend className="chat-rating__legend">Comment s'est passé cet échange ?</legend>
            <div className="chat-rating__stars">
              {SCORES.map((option) => {
                const id = `chat-rating-${option.score}`;
                const lit = score !== null && option.score <= score;
                return (
                  <span key={option.score} className="chat-rating__option">
                    <input
                      className="chat-rating__input"
                      type="radio"
                      id={id}
                      name="chat-rating"
                      value={option.score}
                      checked={score === option.score}
                      onChange={() => setScore(option.score)}
                      data-testid="rating-option"
                    />
                    <label className="chat-rating__star" htmlFor={id}>
                      <span
                        className={fr.cx(lit ? 'fr-icon-star-fill' : 'fr-icon-star-line', 'fr-icon--lg')}
                        aria-hidden="true"
                      />
                      <span className="fr-sr-only">
                        {option.score} sur 5 : {option.word.toLowerCase()}
                      </span>
                    </label>
                  </span>
                );
              })}
            </div>
            <p className="chat-rating__scale" aria-hidden="true">
              {chosenWord ?? (
                <>
                  <span>Très mal</span>
                  <span>Très bien</span>
                </>
              )}
            </p>
          </fieldset>
          <Button
            type="submit"
            disabled={score === null || isSending}
            nativeButtonProps={{ 'data-testid': 'rating-submit' }}
          >
            Envoyer mon avis
          </Button>
        </form>
      )}
      {/* In the page before the answer arrives, so screen readers announce the thanks or the notice. */}
      <div aria-live="polite">
        {result !== null && (
          <Alert
            severity={result === 'recorded' ? 'success' : 'info'}
            small
            description={resultText[result]}
            data-testid="rating-result"
          />
        )}
      </div>
    </div>
  );
}
