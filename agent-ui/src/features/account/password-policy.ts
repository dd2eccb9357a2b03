/**
 * The new-password rule of `POST /api/v1/auth/password`, as the server's `ChangePasswordDto`
 * (src/officers/auth/change-password.dto.ts) enforces it: 12 to 128 characters (OWASP ASVS 4.0.3 V2.1.1 and V2.1.2),
 * counted as JavaScript string lengths (UTF-16 code units) like class-validator does, and different from the
 * current password. Checked here first so the officer reads the problem before any request.
 */

import { MAX_PASSWORD_LENGTH_CHARS, MIN_PASSWORD_LENGTH_CHARS } from '../../../../src/contracts/socket-events';

/** The length rule as the form shows it under the new password. */
export const PASSWORD_LENGTH_RULE = `Entre ${MIN_PASSWORD_LENGTH_CHARS} et ${MAX_PASSWORD_LENGTH_CHARS} caractères`;
/** The other rule the form shows under the new password. */
export const PASSWORD_DIFFERS_RULE = 'Différent du mot de passe actuel';

/** The three fields of the password change form, as typed (no trimming: spaces count in a password). */
export interface PasswordChangeDraft {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

/** What is wrong with each field of a draft, in French; a field absent from the object is fine. */
export type PasswordChangeProblems = Partial<Record<keyof PasswordChangeDraft, string>>;

/** Whether `password` has an allowed length (see `MIN_PASSWORD_LENGTH_CHARS`, `MAX_PASSWORD_LENGTH_CHARS`). */
export function hasAllowedLength(password: string): boolean {
  return password.length >= MIN_PASSWORD_LENGTH_CHARS && password.length <= MAX_PASSWORD_LENGTH_CHARS;
}

/**
 * Checks a draft against the rules above and the confirmation.
 * @returns one French message per field at fault; an empty object when the draft may be sent.
 */
export function passwordChangeProblems(draft: PasswordChangeDraft): PasswordChangeProblems {
  const problems: PasswordChangeProblems = {};
  if (draft.currentPassword === '') {
    problems.currentPassword = 'Saisissez votre mot de passe actuel.';
  }
  if (!hasAllowedLength(draft.newPassword)) {
    problems.newPassword = `Le nouveau mot de passe doit compter entre ${MIN_PASSWORD_LENGTH_CHARS} et ${MAX_PASSWORD_LENGTH_CHARS} caractères.`;
  } else if (draft.newPassword === draft.currentPassword) {
    problems.newPassword = 'Le nouveau mot de passe doit être différent de l’actuel.';
  }
  if (draft.confirmation !== draft.newPassword) {
    problems.confirmation = 'La confirmation ne correspond pas au nouveau mot de passe.';
  }
  return problems;
}
