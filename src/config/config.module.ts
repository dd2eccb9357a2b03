import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock/clock';
import { AppConfig } from './app-config';

/** Provides the validated `AppConfig`, read once from `process.env`, and the `Clock` every timer goes through. */
@Global()
@Module({
  providers: [
    { provide: AppConfig, useFactory: () => AppConfig.fromEnv(process.env) },
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [AppConfig, Clock],
})
export class ConfigModule {}
