import { IsString, MaxLength, MinLength, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

import { MAX_PASSWORD_LENGTH_CHARS, MIN_PASSWORD_LENGTH_CHARS, type PasswordChangeRequest } from '../../contracts/socket-events';

/** The decorated value must differ from the value of `property` on the same object. */
function DiffersFrom(property: string, options: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'differsFrom',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [property],
      options,
      validator: { validate: (value: unknown, args: ValidationArguments) => value !== (args.object as Record<string, unknown>)[property] },
    });
}

/**
 * Body of `POST /api/v1/auth/password`: the current password (1 to 256 characters, as at sign-in) and the new one
 * (12 to 128 characters, different from the current one). Messages are French (the console shows them) and,
 * like every validation error here, never echo a value; neither password is logged.
 */
export class ChangePasswordDto implements PasswordChangeRequest {
  @MaxLength(256, { message: 'Le mot de passe actuel compte au plus 256 caractères.' })
  @MinLength(1, { message: 'Le mot de passe actuel est obligatoire.' })
  @IsString({ message: 'Le mot de passe actuel doit être du texte.' })
  currentPassword: string;

  @DiffersFrom('currentPassword', { message: 'Le nouveau mot de passe doit être différent de l’actuel.' })
  @MaxLength(MAX_PASSWORD_LENGTH_CHARS, { message: `Le nouveau mot de passe compte au plus ${MAX_PASSWORD_LENGTH_CHARS} caractères.` })
  @MinLength(MIN_PASSWORD_LENGTH_CHARS, { message: `Le nouveau mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH_CHARS} caractères.` })
  @IsString({ message: 'Le nouveau mot de passe doit être du texte.' })
  newPassword: string;
}
