import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './access/access.module';
import { AreaTreeModule } from './area-tree/area-tree.module';
import { AreasModule } from './areas/areas.module';
import { CalendarModule } from './areas/holidays/calendar.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { IntakeModule } from './intake/intake.module';
import { CallsModule } from './calls/calls.module';
import { CasesModule } from './cases/cases.module';
import { DeliveryModule } from './delivery/delivery.module';
import { WorkflowModule } from './cases/workflow.module';
import { InterventionsModule } from './interventions/interventions.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ConsentModule } from './cases/consent/consent.module';
import { UsersModule } from './users/users.module';
import { StatisticsModule } from './statistics/statistics.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), autoLoadEntities: true }),
        AuditModule,
        NotificationsModule,
        PrivacyModule,
        AreaTreeModule,
        AuthModule,
        UsersModule,
        AccessModule,
        AreasModule,
        CalendarModule,
        HealthModule,
        IntakeModule,
        CallsModule,
        CasesModule,
        InterventionsModule,
        WorkflowModule,
        ConsentModule,
        StatisticsModule,
        DeliveryModule,
      ],
    };
  }
}
