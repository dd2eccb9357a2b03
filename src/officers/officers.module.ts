import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { HandoffModule } from '../handoff/handoff.module';
import { AuthController } from './auth/auth.controller';
import { OfficerAuthService } from './auth/officer-auth.service';
import { OfficerGateway } from './officer.gateway';

/** Officer accounts, sign-in and the `/officer` socket namespace. */
@Module({
  imports: [
    HandoffModule,
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
  providers: [OfficerAuthService, OfficerGateway],
})
export class OfficersModule {}
