import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module';
import { MetricsEndpointService } from './metrics-endpoint.service';
import { MetricsService } from './metrics.service';

/** Prometheus metrics of the service at `GET /metrics` (outside `/api/v1`), optionally behind `METRICS_TOKEN`. */
@Module({
  imports: [ConversationModule],
  providers: [MetricsService, MetricsEndpointService],
})
export class MetricsModule {}
