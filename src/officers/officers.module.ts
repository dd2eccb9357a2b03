import { Module } from '@nestjs/common';
import { HandoffModule } from '../handoff/handoff.module';
import { AuthModule } from './auth/auth.module';
import { OfficerGateway } from './officer.gateway';

/** The `/officer` socket namespace of the console. */
@Module({
  imports: [HandoffModule, AuthModule],
  providers: [OfficerGateway],
})
export class OfficersModule {}
