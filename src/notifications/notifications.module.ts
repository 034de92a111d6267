import { Global, Module } from '@nestjs/common';
import { NotificationInbox } from './notification-inbox';
import { NotificationOutbox } from './notification-outbox';
import { NotificationsController } from './notifications.controller';
import { DeadlineSweep } from './deadline-sweep';
import { NotificationScheduler } from './notification-scheduler';
import { DeliveryQueue } from './delivery-queue';

/** Global, like the audit: the modules that change cases write their notifications through NotificationOutbox. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationOutbox, NotificationInbox, DeadlineSweep, NotificationScheduler, DeliveryQueue],
  exports: [NotificationOutbox, DeadlineSweep, DeliveryQueue],
})
export class NotificationsModule {}
