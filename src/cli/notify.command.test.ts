import { describe, expect, it } from 'vitest';
import { renderProgressLine } from './notify.command.ts';

describe('renderProgressLine', () => {
  it('shows the share done, the counts, the rate and the time left', () => {
    const line = renderProgressLine(
      { campaignId: 'c', state: 'running', total: 200, byStatus: { pending: 100, claimed: 0, accepted: 90, unknown: 0, deferred: 0, bounced: 10, fallen_back: 0 }, byChannel: {}, sent: 90, pending: 100, failed: 10, claimedTwice: 0, ratePerSecond: 50, secondsLeft: 125 },
      10,
    );
    expect(line).toBe('[#####.....] 50.0%  sent 90  failed 10  pending 100  50/s  left 2m05s  (running)');
  });
});
