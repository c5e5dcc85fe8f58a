import { createHmac, timingSafeEqual } from "node:crypto";

/** Headers on every delivery. */
export const WEBHOOK_HEADERS = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` */
  signature: "Handoff-Signature",
  /** The event type, e.g. `mql.created`. */
  event: "Handoff-Event",
  /** Unique per delivery and the same on every retry: receivers de-duplicate on it. */
  delivery: "Handoff-Delivery",
} as const;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/**
 * The `Handoff-Signature` header for one attempt. The timestamp is signed with the body, so an
 * old request replayed later fails the receiver's freshness check.
 */
export function signPayload({ secret, timestamp, body }: { secret: string; timestamp: number; body: string }): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/**
 * What a receiver runs on the raw request body (before any JSON parsing) — self-contained so it
 * can be copied into another codebase as is (it needs only `createHmac` and `timingSafeEqual` from
 * `node:crypto`). Stale timestamps are refused (default: 5 minutes); comparison is constant-time.
 */
export function verifyWebhookSignature({
  secret,
  header,
  body,
  toleranceSeconds = 300,
  now = Date.now(),
}: {
  secret: string;
  header: string | null | undefined;
  body: string;
  toleranceSeconds?: number;
  /** Milliseconds since the epoch; for tests. */
  now?: number;
}): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
  return signatures.some((candidate) => {
    const given = Buffer.from(candidate, "hex");
    // timingSafeEqual needs equal lengths; the length of a hex digest is no secret.
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
