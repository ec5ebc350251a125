import type { AppContext } from './app-context.ts';
import { createMailer } from './adapters/mailer/index.ts';
import type { Config } from './config/config.ts';
import { openDatabase } from './db/database.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { systemClock, type Clock } from './shared/time.ts';

/** Builds the dependencies of one process. The caller owns the context and closes it. */
export function createContext(config: Config, options: { logger?: Logger; clock?: Clock } = {}): AppContext & { close(): Promise<void> } {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const database = openDatabase(config.database);
  const mailer = createMailer(config, database.db, clock);
  return {
    config,
    database,
    db: database.db,
    logger,
    clock,
    mailer,
    async close() {
      await mailer.close();
      await database.close();
    },
  };
}
