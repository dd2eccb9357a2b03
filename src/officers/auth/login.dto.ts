import { IsString, MaxLength, MinLength } from 'class-validator';

/** Body of `POST /api/v1/auth/login`. The password is never logged nor echoed. */
export class LoginDto {
  @IsString({ message: 'username must be a string' })
  @MinLength(1, { message: 'username is required' })
  @MaxLength(64, { message: 'username must be at most 64 characters' })
  username: string;

  @IsString({ message: 'password must be a string' })
  @MinLength(1, { message: 'password is required' })
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password: string;
}
