/** What is kept of a receiver's answer: enough to debug, bounded so a chatty receiver cannot fill the table. */
export const RESPONSE_BODY_LIMIT_BYTES = 2048;

export type WebhookAttemptResult =
  | { ok: true; status: number; body: string }
  | { ok: false; status: number | null; body: string | null; error: string };

/**
 * One HTTP attempt. Only a 2xx answer counts as delivered; redirects are not followed (a receiver
 * that moved must be re-registered, and a redirect must not carry a signed payload elsewhere).
 */
export async function postWebhook({
  url,
  body,
  headers,
  timeoutMs,
}: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}): Promise<WebhookAttemptResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body, headers, redirect: "manual", signal, cache: "no-store" });
  } catch (error) {
    return { ok: false, status: null, body: null, error: describeRequestError(error, timeoutMs) };
  }
  const text = await readTextPrefix(response, RESPONSE_BODY_LIMIT_BYTES);
  if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, body: text };
  const reason =
    response.status >= 300 && response.status < 400
      ? `HTTP ${response.status}: redirects are not followed${response.headers.get("location") ? ` (to ${response.headers.get("location")})` : ""}`
      : `HTTP ${response.status}`;
  return { ok: false, status: response.status, body: text, error: truncate(text ? `${reason}: ${text}` : reason) };
}

/** The start of the body; the rest is not downloaded. A body that stalls counts as empty. */
async function readTextPrefix(response: Response, limitBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limitBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // Timed out or reset while reading: the status is what matters.
  } finally {
    void reader.cancel().catch(() => {});
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limitBytes));
}

function describeRequestError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `No response within ${timeoutMs / 1000} s`;
  }
  // fetch reports "fetch failed" and keeps the reason (DNS, refused, TLS…) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return truncate(`Request failed: ${message}`);
}

function truncate(text: string): string {
  return text.length > RESPONSE_BODY_LIMIT_BYTES ? `${text.slice(0, RESPONSE_BODY_LIMIT_BYTES - 1)}…` : text;
}
