import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DeadlineSweep } from './deadline-sweep';

/**
 * Runs the deadline sweep every NOTIFY_SWEEP_SECONDS in the worker (inside the service unless
 * WORKER_IN_SERVICE=false; `npm run worker` runs it alone). Any number of instances may run it: the sweep itself makes sure one sweeps at a time and nothing is told twice.
 */
@Injectable()
export class NotificationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationScheduler');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly sweep: DeadlineSweep,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.notifySweepSeconds;
    if (!seconds || !this.config.workerInService) return;
    this.timer = setInterval(() => this.tick(), seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return; // the last sweep is still going: skip this one
    this.running = this.sweep
      .sweep()
      .catch((error: unknown) => this.logger.error({ errorName: (error as Error).name }, 'deadline sweep failed'))
      .finally(() => (this.running = undefined));
  }
}
