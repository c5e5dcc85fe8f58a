import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPayload, verifyWebhookSignature } from "./signature";

const secret = "whsec_test_0123456789abcdef";
const body = JSON.stringify({ id: "evt_1", type: "mql.created", createdAt: "2026-01-05T10:00:00.000Z", data: { contactId: "c1" } });
const timestamp = 1_767_607_200; // 2026-01-05T10:00:00Z
const at = (seconds: number) => seconds * 1000;

describe("signPayload", () => {
  it("signs `<timestamp>.<body>` with HMAC-SHA256 and puts the timestamp in the header", () => {
    const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
    expect(signPayload({ secret, timestamp, body })).toBe(`t=${timestamp},v1=${expected}`);
  });

  it("matches a vector computed independently with openssl", () => {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'sixteen-chars-ok'
    expect(signPayload({ secret: "sixteen-chars-ok", timestamp: 1_700_000_000, body: '{"a":1}' })).toBe(
      "t=1700000000,v1=c65ac6be2aac9f4b26009a5fed5e380bbb11d2ca3150352a04ace6fa771a4235",
    );
  });
});

describe("verifyWebhookSignature", () => {
  const header = signPayload({ secret, timestamp, body });

  it("accepts the body it signed, within the tolerance", () => {
    expect(verifyWebhookSignature({ secret, header, body, now: at(timestamp) })).toBe(true);
    expect(verifyWebhookSignature({ secret, header, body, now: at(timestamp + 299) })).toBe(true);
  });

  it("rejects a tampered body", () => {
    expect(verifyWebhookSignature({ secret, header, body: body.replace("c1", "c2"), now: at(timestamp) })).toBe(false);
    expect(verifyWebhookSignature({ secret, header, body: `${body} `, now: at(timestamp) })).toBe(false);
  });

  it("rejects another secret", () => {
    expect(verifyWebhookSignature({ secret: `${secret}x`, header, body, now: at(timestamp) })).toBe(false);
  });

  it("rejects a stale or far-future timestamp", () => {
    expect(verifyWebhookSignature({ secret, header, body, now: at(timestamp + 301) })).toBe(false);
    expect(verifyWebhookSignature({ secret, header, body, now: at(timestamp - 301) })).toBe(false);
    expect(verifyWebhookSignature({ secret, header, body, now: at(timestamp + 3600), toleranceSeconds: 7200 })).toBe(true);
  });

  it("rejects a replayed signature with a new timestamp", () => {
    const replayed = header.replace(`t=${timestamp}`, `t=${timestamp + 600}`);
    expect(verifyWebhookSignature({ secret, header: replayed, body, now: at(timestamp + 600) })).toBe(false);
  });

  it("rejects missing or malformed headers", () => {
    for (const bad of [undefined, null, "", "v1=abc", `t=${timestamp}`, `t=soon,v1=${"0".repeat(64)}`, `t=${timestamp},v1=zz`, `t=${timestamp},v1=${"0".repeat(64)}`]) {
      expect(verifyWebhookSignature({ secret, header: bad, body, now: at(timestamp) })).toBe(false);
    }
  });

  it("accepts the header when one of several v1 values matches", () => {
    const [, v1] = header.split(",");
    expect(verifyWebhookSignature({ secret, header: `t=${timestamp},v1=${"0".repeat(64)},${v1}`, body, now: at(timestamp) })).toBe(true);
  });
});
