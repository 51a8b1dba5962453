/** How long `until` keeps asking, and how often. */
export interface UntilOptions {
  /** Give up after this long (default 30 s: a delivery worker's first retry fits in it). */
  timeoutMs?: number;
  /** Pause between two probes (default 100 ms). */
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns a truthy value and returns that value — the way tests wait on
 * something asynchronous (a docking event delivered, a worker's retry), never a fixed sleep.
 * Fails with "timed out waiting for <what>" once `timeoutMs` has passed.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  options: UntilOptions = {},
): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
