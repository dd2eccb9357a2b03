import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { AuthController } from './auth.controller';
import { OfficerAuthService } from './officer-auth.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';

/**
 * Officer sign-in and token checks, for the console's socket and the officer-only HTTP endpoints. Sign-in is
 * throttled per IP address (`LOGIN_ATTEMPTS_PER_IP_PER_MINUTE`, answered 429 over it) and each username is locked
 * for a while after repeated failures (`OfficerAuthService`). Sign-in through an OpenID Connect identity provider
 * (`OidcController`, `OidcService`) is always routed and answers 404 unless `OIDC_ISSUER` is set.
 */
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
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.loginAttemptsPerIpPerMinute }],
        errorMessage: 'Trop de tentatives de connexion depuis cette adresse : réessayez dans une minute.',
      }),
    }),
  ],
  controllers: [AuthController, OidcController],
  providers: [OfficerAuthService, OidcService],
  exports: [OfficerAuthService],
})
export class AuthModule {}
