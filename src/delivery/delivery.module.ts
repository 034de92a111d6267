import { Module } from '@nestjs/common';
import { DeliveryWorker } from './delivery-worker';

/** Notifications beyond the inbox: mail (SMTP_URL) and a signed webhook (NOTIFY_WEBHOOK_URL). */
@Module({ providers: [DeliveryWorker], exports: [DeliveryWorker] })
export class DeliveryModule {}
