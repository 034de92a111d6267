import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Renders Vega-Lite to SVG on the server (vega's headless View, no canvas) in a worker thread:
 * vega is ESM with top-level await, which `require` cannot load and Jest's module loader cannot
 * import; a worker loads it natively, and rendering stays off the request thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let libraries;
parentPort.on('message', async ({ id, spec }) => {
  try {
    libraries ??= Promise.all([import(workerData.vega), import(workerData.vegaLite)]);
    const [vega, vegaLite] = await libraries;
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    parentPort.postMessage({ id, svg });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});`;

const RENDER_TIMEOUT_MS = 20_000;

@Injectable()
export class ChartRenderer implements OnModuleDestroy {
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();

  render(spec: Record<string, unknown>): Promise<string> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(id, undefined, new Error('chart rendering timed out')),
        RENDER_TIMEOUT_MS,
      );
      timer.unref();
      this.pending.set(id, {
        resolve: (svg) => (clearTimeout(timer), resolve(svg)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      worker.postMessage({ id, spec });
    });
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        vega: pathToFileURL(require.resolve('vega')).href,
        vegaLite: pathToFileURL(require.resolve('vega-lite')).href,
      },
    });
    worker.unref();
    worker.on('message', ({ id, svg, error }: { id: number; svg?: string; error?: string }) =>
      this.settle(id, svg, error ? new Error(error) : undefined),
    );
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error('the chart worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private settle(id: number, svg: string | undefined, error?: Error): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (error || svg === undefined) waiting.reject(error ?? new Error('no chart'));
    else waiting.resolve(svg);
  }

  private failAll(error: Error): void {
    for (const [id] of this.pending) this.settle(id, undefined, error);
  }
}
