import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { AuthController } from './auth.controller';
import { OfficerAuthService } from './officer-auth.service';

/** Officer sign-in and token checks, for the console's socket and the officer-only HTTP endpoints. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret ?? randomBytes(48).toString('base64url'),
        signOptions: { expiresIn: config.officerTokenTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [OfficerAuthService],
  exports: [OfficerAuthService],
})
export class AuthModule {}
