import type { AppContext } from './app-context.ts';
import { createContext } from './bootstrap.ts';
import type { Config } from './config/config.ts';
import { migrateToLatest } from './db/database.ts';
import { buildServer, type App } from './http/server.ts';
import { ensureFirstAdmin } from './modules/users/index.ts';
import { createWorker, type Worker } from './jobs/index.ts';
import { ensurePurgeScheduled } from './modules/retention/index.ts';

export type ProcessRole = 'serve' | 'worker';

export interface RunningProcess {
  ctx: AppContext;
  app: App | null;
  worker: Worker | null;
  stop(): Promise<void>;
}

/**
 * Starts one process: the web server (with the in-process worker unless ROLE=web) or a worker alone.
 * SIGTERM and SIGINT stop taking work, let requests and claimed jobs finish, then exit.
 */
export async function startProcess(config: Config, role: ProcessRole): Promise<RunningProcess> {
  const ctx = createContext(config);
  await migrateToLatest(ctx.db);
  if (role === 'serve') {
    const setupLink = await ensureFirstAdmin(ctx);
    if (setupLink) process.stdout.write(`Open ${setupLink} to choose the admin password\n`);
  }
  let app: App | null = null;
  if (role === 'serve') {
    app = await buildServer(ctx);
    await app.listen({ port: config.PORT, host: config.HOST });
    ctx.logger.info(`Breachdesk is listening on ${config.PUBLIC_URL} (database: ${config.database.dialect})`);
  }
  let worker: Worker | null = null;
  if (role === 'worker' || config.ROLE === 'all') {
    await ensurePurgeScheduled(ctx.db, ctx.clock.now());
    worker = createWorker(ctx);
    worker.start();
  }
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      ctx.logger.info('stopping: finishing requests and claimed jobs');
      if (app) await app.close();
      if (worker) await worker.stop();
      await ctx.close();
    })();
    return stopping;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
  return { ctx, app, worker, stop };
}
