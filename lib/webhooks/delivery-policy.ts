/** How hard Handoff tries to deliver one event to one webhook. */
export type WebhookDeliveryPolicy = {
  /** Attempts in all, the first one included; after the last failure the delivery is `failed`. */
  maxAttempts: number;
  /** Wait after the first failure; it doubles after each further one. */
  baseDelayMs: number;
  /** A receiver that has not answered (headers and body) by then has failed the attempt. */
  timeoutMs: number;
};

/** 8 attempts over about an hour: waits of 30 s, 1 min, 2 min, 4 min, 8 min, 16 min and 32 min. */
export const DEFAULT_WEBHOOK_DELIVERY_POLICY: WebhookDeliveryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  timeoutMs: 10_000,
};

/** Milliseconds to wait after the attempt numbered `attempt` (1-based) failed. */
export function retryDelayMs(policy: WebhookDeliveryPolicy, attempt: number): number {
  return policy.baseDelayMs * 2 ** (attempt - 1);
}

/** How long an attempt keeps its delivery to itself; a worker that died mid-attempt lets go after it. */
export function attemptLeaseMs(policy: WebhookDeliveryPolicy): number {
  return policy.timeoutMs + 50_000;
}
