import { Body, Controller, Get, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponse } from '../../contracts/socket-events';
import { ChangePasswordDto } from './change-password.dto';
import { LoginDto } from './login.dto';
import { OfficerAuthService } from './officer-auth.service';

/**
 * Officer sessions: `POST /api/v1/auth/login` (sign-in), `GET /api/v1/auth/session` (the current session),
 * `POST /api/v1/auth/logout` (sign-out) and `POST /api/v1/auth/password` (password change).
 */
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: OfficerAuthService) {}

  /**
   * 200 with `LoginResponse`; 401 for bad credentials; 400 for a malformed body; 429 (with `Retry-After`, in
   * seconds) over `LOGIN_ATTEMPTS_PER_IP_PER_MINUTE` attempts from one IP address, and 429 for a username locked
   * after repeated failures.
   */
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password);
  }

  /**
   * 200 with the `LoginResponse` of the token of `Authorization: Bearer <token>` (`expiresInSeconds`: the time
   * left): how the console learns who signed in through the identity provider, which hands it only a token.
   * 401 without a valid token.
   */
  @Get('session')
  session(@Headers('authorization') authorization?: string): LoginResponse {
    return this.auth.currentSession(authorization);
  }

  /**
   * 204: the token of `Authorization: Bearer <token>` is revoked and every console socket opened with it is
   * disconnected (`exception { code: 'UNAUTHORIZED', message: 'Vous êtes déconnecté.' }` first); 401 without a
   * valid token.
   */
  @Post('logout')
  @HttpCode(204)
  logout(@Headers('authorization') authorization?: string): void {
    this.auth.logout(this.auth.requireBearer(authorization));
  }

  /**
   * 204: the password is replaced and every other token of the officer is revoked (their consoles disconnected);
   * the token of this request stays valid. 400 for a malformed body (new password of 12 to 128 characters,
   * different from the current one); 401 without a valid token or with a wrong current password (counted as a
   * failed sign-in); 429 like sign-in (per address, and while the username is locked).
   */
  @Post('password')
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  changePassword(@Body() body: ChangePasswordDto, @Headers('authorization') authorization?: string): Promise<void> {
    return this.auth.changePassword(this.auth.requireBearer(authorization), body.currentPassword, body.newPassword);
  }
}
