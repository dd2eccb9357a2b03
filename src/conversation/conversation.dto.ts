import { IsBoolean, IsDefined } from 'class-validator';

/** Payload of the citizen's `conversation:typing`: whether the citizen is typing. */
export class TypingDto {
  @IsBoolean({ message: 'typing must be true or false' })
  @IsDefined({ message: 'typing is required' })
  typing: boolean;
}

/** Longest resume token accepted in a handshake, in characters (the service makes 43-character tokens). */
const MAX_RESUME_TOKEN_CHARS = 64;

/**
 * The citizen handshake's `auth` (`CitizenHandshakeAuth`), read defensively: anything malformed counts as absent,
 * so a bad handshake opens a new conversation instead of failing.
 * @returns the resume token (base64url, at most 64 characters) and the last `seq` the client has (0 if none).
 */
export function parseCitizenHandshake(auth: unknown): { resumeToken?: string; lastSeq: number } {
  const { resumeToken, lastSeq } = (typeof auth === 'object' && auth !== null ? auth : {}) as Record<string, unknown>;
  return {
    ...(typeof resumeToken === 'string' && resumeToken.length <= MAX_RESUME_TOKEN_CHARS && /^[A-Za-z0-9_-]+$/.test(resumeToken) ? { resumeToken } : {}),
    lastSeq: typeof lastSeq === 'number' && Number.isSafeInteger(lastSeq) && lastSeq > 0 ? lastSeq : 0,
  };
}
