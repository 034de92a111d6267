import { Global, Module } from '@nestjs/common';
import { NotificationInbox } from './notification-inbox';
import { NotificationOutbox } from './notification-outbox';
import { NotificationsController } from './notifications.controller';

/** Global, like the audit: the modules that change cases write their notifications through NotificationOutbox. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationOutbox, NotificationInbox],
  exports: [NotificationOutbox],
})
export class NotificationsModule {}
