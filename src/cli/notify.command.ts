import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest, openDatabase, type Db } from '../db/database.ts';
import { campaignProgress, findCampaignRowById, toCampaign } from '../modules/notifications/index.ts';
import { notFound } from '../shared/app-error.ts';
import { systemClock } from '../shared/time.ts';

type Write = (text: string) => void;
type Progress = Awaited<ReturnType<typeof campaignProgress>>;

export function renderProgressLine(p: Progress, width = 30): string {
  const done = p.total - p.pending;
  const share = p.total === 0 ? 1 : done / p.total;
  const filled = Math.round(share * width);
  const left = p.secondsLeft === null ? '?' : `${Math.floor(p.secondsLeft / 60)}m${String(p.secondsLeft % 60).padStart(2, '0')}s`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1)}%  sent ${p.sent}  failed ${p.failed}  pending ${p.pending}  ${p.ratePerSecond}/s  left ${left}  (${p.state})`;
}

function renderProgress(p: Progress): string {
  const channels = Object.entries(p.byChannel).map(([channel, states]) => `  ${channel.padEnd(7)} ${Object.entries(states).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  const twice = p.claimedTwice > 0 ? [`  claimed twice after a crash (may have gone out twice): ${p.claimedTwice}`] : [];
  return [renderProgressLine(p), ...channels, ...twice, ''].join('\n');
}

async function progressOf(db: Db, campaignId: string): Promise<Progress> {
  const row = await findCampaignRowById(db, campaignId);
  if (!row) throw notFound('campaign');
  return campaignProgress({ db, clock: systemClock }, toCampaign(row));
}

/** `notify CAMPAIGN_ID`: the progress of a campaign; on a terminal, a bar that follows it until it ends. */
export async function printCampaignProgress(db: Db, write: Write, campaignId: string, options: { json?: boolean; follow?: boolean; intervalMs?: number }): Promise<void> {
  let progress = await progressOf(db, campaignId);
  if (options.json) {
    write(`${JSON.stringify(progress, null, 2)}\n`);
    return;
  }
  if (!options.follow) {
    write(renderProgress(progress));
    return;
  }
  while (progress.state === 'running' && progress.pending > 0) {
    write(`\r${renderProgressLine(progress)}\u001b[K`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
    progress = await progressOf(db, campaignId);
  }
  write(`\r\u001b[K${renderProgress(progress)}`);
}

export function registerNotifyCommand(program: Command, write: Write = (t) => process.stdout.write(t)): void {
  program
    .command('notify')
    .description('Show the progress of a campaign to the people affected: counts per status and channel, rate, time left. On a terminal it follows the campaign with a progress bar.')
    .argument('<campaignId>', 'the campaign id')
    .option('--json', 'print the figures as JSON once')
    .option('--once', 'print once, even on a terminal')
    .action(async (campaignId: string, options: { json?: boolean; once?: boolean }) => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        await migrateToLatest(database.db);
        await printCampaignProgress(database.db, write, campaignId, { json: options.json, follow: !options.once && process.stdout.isTTY === true });
      } finally {
        await database.close();
      }
    });
}
