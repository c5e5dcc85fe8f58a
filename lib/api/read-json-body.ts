import { AppError } from "../http/errors";

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** "line 3, column 14" for a character offset in the text. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads a JSON request body of at most `maxBytes`, streaming so an oversized body is refused
 * without being held in memory. Malformed JSON is a 400 that says where it broke.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  const tooLarge = () => new AppError("payload_too_large:body", `The request body is larger than ${maxBytes / 1024 / 1024} MB.`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw new AppError("bad_request:body", "The request has no body; send JSON.");

  // With a declared length (already checked) the server cannot receive more, so read it at once;
  // a chunked body of unknown length is counted as it streams in.
  const text = Number.isFinite(declared) ? Buffer.from(await request.arrayBuffer()).toString("utf8") : await readCapped(request.body, maxBytes, tooLarge);
  if (text.trim() === "") throw new AppError("bad_request:body", "The request body is empty; send JSON.");
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : "";
    throw new AppError("bad_request:json", `Malformed JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, "")}.`);
  }
}
