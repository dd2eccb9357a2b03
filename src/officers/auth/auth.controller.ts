import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponse } from '../../contracts/socket-events';
import { LoginDto } from './login.dto';
import { OfficerAuthService } from './officer-auth.service';

/** `POST /api/v1/auth/login`: officer sign-in. */
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
}
