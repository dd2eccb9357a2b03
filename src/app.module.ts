import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ClusterModule } from './cluster/cluster.module';
import { LoggingModule } from './common/logging/logging.module';
import { ConfigModule } from './config/config.module';
import { PROJECT_ROOT } from './config/app-config';
import { CitizenModule } from './conversation/citizen.module';
import { EditorModule } from './editor/editor.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { OfficersModule } from './officers/officers.module';
import { StatsModule } from './stats/stats.module';
import { SupervisionModule } from './supervision/supervision.module';
import { TriageModule } from './triage/triage.module';

/**
 * The whole service: the HTTP API under `/api/v1`, the `/citizen` and `/officer` socket namespaces, the built
 * citizen page at `/`, the officer console at `/agent/` and the Prometheus metrics at `/metrics`.
 */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    ClusterModule,
    EventEmitterModule.forRoot(),
    ServeStaticModule.forRoot(
      { rootPath: join(PROJECT_ROOT, 'agent-ui', 'dist'), serveRoot: '/agent' },
      { rootPath: join(PROJECT_ROOT, 'web', 'dist'), exclude: ['/api/{*path}', '/agent/{*path}', '/metrics'] },
    ),
    TriageModule,
    CitizenModule,
    OfficersModule,
    HealthModule,
    StatsModule,
    MetricsModule,
    SupervisionModule,
    EditorModule,
  ],
})
export class AppModule {}
