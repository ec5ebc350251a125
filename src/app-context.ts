import type { Mailer } from './adapters/mailer/mailer.ts';
import type { Config } from './config/config.ts';
import type { DatabaseHandle, Db } from './db/database.ts';
import type { Logger } from './shared/logger.ts';
import type { Clock } from './shared/time.ts';

/** The explicit dependencies every service, route and job receives; built once per process in main.ts. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  logger: Logger;
  clock: Clock;
  mailer: Mailer;
}
