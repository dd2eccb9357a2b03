import type { RatingRequest } from '../../../src/contracts/socket-events';

/** Path of the rating endpoint, on the page's own origin. */
const RATINGS_PATH = '/api/v1/ratings';

/**
 * What became of a rating: recorded (204), refused because the token is unknown, used or past its hour (404), or
 * not recorded for another reason (network, server error).
 */
export type RatingResult = 'recorded' | 'refused' | 'failed';

/**
 * Sends the citizen's rating of a closed chat with `POST /api/v1/ratings { ratingToken, score }`; `score` is an
 * integer from 1 to 5 and `ratingToken` comes from `conversation:closed`. Never throws: a network error is
 * `failed`.
 */
export async function submitRating(request: RatingRequest): Promise<RatingResult> {
  try {
    const response = await fetch(RATINGS_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (response.status === 204) {
      return 'recorded';
    }
    return response.status === 404 ? 'refused' : 'failed';
  } catch {
    return 'failed';
  }
}
