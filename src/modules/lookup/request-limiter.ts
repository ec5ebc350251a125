/**
 * Fixed-window counters in memory, per key (a client address or an identifier's keyed hash). Kept in the
 * process on purpose: a limit that needs a database write per request would itself be the bottleneck that
 * took the police's check service down. Each web process limits on its own.
 */
export interface RequestLimit {
  max: number;
  windowMs: number;
}

export interface RequestLimiter {
  /** Counts one request for the key; false when the key is over its limit in the current window. */
  allow(key: string, nowMs: number): boolean;
  size(): number;
}

export function createRequestLimiter(limit: RequestLimit, options: { maxKeys?: number } = {}): RequestLimiter {
  const maxKeys = options.maxKeys ?? 1_000_000;
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  function sweep(nowMs: number) {
    for (const [key, window] of windows) if (nowMs - window.start >= limit.windowMs) windows.delete(key);
    lastSweep = nowMs;
  }
  return {
    allow(key, nowMs) {
      if (nowMs - lastSweep >= limit.windowMs || windows.size >= maxKeys) sweep(nowMs);
      const window = windows.get(key);
      if (!window || nowMs - window.start >= limit.windowMs) {
        // A flood of distinct keys must not grow memory without end: beyond the cap, new keys are refused.
        if (windows.size >= maxKeys) return false;
        windows.set(key, { start: nowMs, count: 1 });
        return limit.max >= 1;
      }
      window.count += 1;
      return window.count <= limit.max;
    },
    size: () => windows.size,
  };
}
