import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook, RESPONSE_BODY_LIMIT_BYTES } from "./post-webhook";

let base: string;
const server = createServer((req, res) => {
  req.resume();
  if (req.url === "/moved") {
    res.writeHead(302, { Location: "https://elsewhere.example.com/hook" });
    res.end();
  } else if (req.url === "/chatty") {
    res.writeHead(400, { "Content-Type": "text/plain" });
    res.end("x".repeat(100_000));
  } else {
    res.writeHead(204);
    res.end();
  }
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (path: string) => postWebhook({ url: `${base}${path}`, body: "{}", headers: { "Content-Type": "application/json" }, timeoutMs: 2000 });

describe("postWebhook", () => {
  it("counts any 2xx as delivered", async () => {
    expect(await post("/ok")).toEqual({ ok: true, status: 204, body: "" });
  });

  it("does not follow redirects: a signed payload never goes where it was not registered", async () => {
    expect(await post("/moved")).toEqual({
      ok: false,
      status: 302,
      body: "",
      error: "HTTP 302: redirects are not followed (to https://elsewhere.example.com/hook)",
    });
  });

  it("keeps only the first 2 KB of a long answer", async () => {
    const result = await post("/chatty");
    expect(result.ok).toBe(false);
    expect(result.body).toHaveLength(RESPONSE_BODY_LIMIT_BYTES);
    if (!result.ok) expect(result.error.length).toBeLessThanOrEqual(RESPONSE_BODY_LIMIT_BYTES);
  });
});
