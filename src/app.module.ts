import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ConfigModule } from './config/config.module';
import { PROJECT_ROOT } from './config/app-config';
import { ConversationModule } from './conversation/conversation.module';
import { HealthModule } from './health/health.module';
import { OfficersModule } from './officers/officers.module';
import { TriageModule } from './triage/triage.module';

/**
 * The whole service: the HTTP API under `/api/v1`, the `/citizen` and `/officer` socket namespaces, the built
 * citizen page at `/` and the officer console at `/agent/`.
 */
@Module({
  imports: [
    ConfigModule,
    EventEmitterModule.forRoot(),
    ServeStaticModule.forRoot(
      { rootPath: join(PROJECT_ROOT, 'agent-ui', 'dist'), serveRoot: '/agent' },
      { rootPath: join(PROJECT_ROOT, 'web', 'dist'), exclude: ['/api/{*path}', '/agent/{*path}'] },
    ),
    TriageModule,
    ConversationModule,
    OfficersModule,
    HealthModule,
  ],
})
export class AppModule {}
