import { Module } from '@nestjs/common';
import { IntentsModule } from '../intents/intents.module';
import { ScheduleService } from './schedule.service';

/**
 * Opening hours, exceptional closures and announcements of `intents/settings.yaml` (`ScheduleService`). The file
 * is loaded, validated and hot-reloaded with the intents by `IntentsModule`.
 */
@Module({
  imports: [IntentsModule],
  providers: [ScheduleService],
  exports: [ScheduleService],
})
export class ScheduleModule {}
