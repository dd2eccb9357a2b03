import { Module } from '@nestjs/common';
import { IntentsModule } from '../intents/intents.module';
import { HealthController } from './health.controller';

/** Health endpoint. */
@Module({ imports: [IntentsModule], controllers: [HealthController] })
export class HealthModule {}
