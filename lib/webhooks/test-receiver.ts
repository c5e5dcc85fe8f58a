import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { headers: IncomingHttpHeaders; body: string; at: number };

/**
 * A webhook receiver for tests, on 127.0.0.1 and a free port. `respond` picks the status of each
 * request (by its 0-based index); "hang" never answers.
 */
export async function startTestReceiver(respond: (index: number) => number | "hang" = () => 200) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const index = requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() }) - 1;
      const status = respond(index);
      if (status === "hang") return;
      res.writeHead(status, { "Content-Type": "text/plain" });
      res.end(status < 300 ? "ok" : `receiver error ${index + 1}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/handoff`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Polls `check` until it returns something truthy, or fails the test after `timeoutMs`. The
 * generous default is for loaded CI machines; on an idle one deliveries land in about a second.
 */
export async function eventually<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
