/**
 * Per-key token buckets, kept in memory: each key may make `API_RATE_LIMIT_PER_MINUTE` requests
 * a minute (default 1,200), in bursts of up to a tenth of that. The limit protects the database
 * from a runaway integration; it is per app process, which is what one node runs.
 */
type Bucket = { tokens: number; updatedAt: number };

const buckets = new Map<string, Bucket>();

export function rateLimitPerMinute(): number {
  const configured = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isFinite(configured) && configured > 0 ? configured : 1200;
}

/** Takes one request's token; when none is left, says how many seconds until the next one. */
export function takeToken(key: string, now = Date.now(), perMinute = rateLimitPerMinute()): { ok: true } | { ok: false; retryAfterSeconds: number } {
  const capacity = Math.max(1, Math.round(perMinute / 10));
  const refillPerMs = perMinute / 60_000;
  const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: now };
  bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
  bucket.updatedAt = now;
  buckets.set(key, bucket);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { ok: true };
  }
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
}

export function resetRateLimits(): void {
  buckets.clear();
}
