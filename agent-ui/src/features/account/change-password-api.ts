/** Body of `POST /api/v1/auth/password` (the server's `ChangePasswordDto`). */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** The outcome of a password change: done, or refused with a French `message` to show; never rejects. */
export type ChangePasswordResult = { ok: true } | { ok: false; message: string };

const CHANGE_PASSWORD_URL = '/api/v1/auth/password';
/** The server's 401 for a wrong current password (`OfficerAuthService.changePassword`); any other 401 is the token. */
const WRONG_CURRENT_PASSWORD = 'Mot de passe actuel incorrect';
/** Start of the server's 429 for a username locked after failures; the per-address limit answers in English. */
const LOCKED_PREFIX = 'Compte temporairement verrouillé';

/** The `message` of a Nest error body as a list (one string, or the validation messages), else an empty list. */
async function errorMessages(response: Response): Promise<string[]> {
  try {
    const body: unknown = await response.json();
    const message = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).message : null;
    return [message].flat().filter((item): item is string => typeof item === 'string');
  } catch {
    return [];
  }
}

/**
 * The French text of a refused change, from the status and the server's messages: 400 gives the French validation
 * messages of `ChangePasswordDto`; 401 « Mot de passe actuel incorrect », or the session's end when the token was
 * refused; 429 the lockout message, or a generic one for the per-address limit; anything else « Service
 * indisponible ».
 */
function describeRefusal(status: number, messages: string[]): string {
  switch (status) {
    case 400:
      return messages.length > 0 ? messages.join(' ') : 'Vérifiez les mots de passe saisis.';
    case 401:
      return messages.includes(WRONG_CURRENT_PASSWORD)
        ? WRONG_CURRENT_PASSWORD
        : 'Votre session a expiré : reconnectez-vous pour changer votre mot de passe.';
    case 429:
      return messages.find((message) => message.startsWith(LOCKED_PREFIX)) ?? 'Trop de tentatives, réessayez dans quelques minutes.';
    default:
      return 'Service indisponible, réessayez dans quelques instants.';
  }
}

/**
 * `POST /api/v1/auth/password` with `Authorization: Bearer <token>`: 204 replaces the officer's password and
 * closes their other sessions (this token stays valid).
 * @returns `{ ok: true }` on 204; `{ ok: false, message }` with a French message for 400, 401, 429, any other status
 *   or a network failure.
 */
export async function changePassword(token: string, body: ChangePasswordRequest): Promise<ChangePasswordResult> {
  try {
    const response = await fetch(CHANGE_PASSWORD_URL, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.ok) {
      return { ok: true };
    }
    return { ok: false, message: describeRefusal(response.status, await errorMessages(response)) };
  } catch {
    return { ok: false, message: describeRefusal(0, []) };
  }
}
