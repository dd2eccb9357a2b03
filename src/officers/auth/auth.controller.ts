import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { LoginResponse } from '../../contracts/socket-events';
import { LoginDto } from './login.dto';
import { OfficerAuthService } from './officer-auth.service';

/** `POST /api/v1/auth/login`: officer sign-in. */
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: OfficerAuthService) {}

  /** 200 with `LoginResponse`; 401 for bad credentials; 400 for a malformed body. */
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password);
  }
}
