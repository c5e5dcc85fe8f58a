import "server-only";
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import Papa from "papaparse";

/**
 * A record whose text runs on past this many bytes is a quote that is never closed: the parser
 * would otherwise take the rest of the file into one cell and hold it all in memory.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export type CsvDelimiter = "," | ";" | "\t" | "|";

export class CsvReadError extends Error {}

/**
 * Streams a CSV file's records (arrays of cells, the header first) with backpressure: the parser
 * is fed from a file stream and pauses while the caller is busy, so memory stays bounded by a few
 * chunks whatever the file's size. `bytesRead()` is how far into the file the parser has got.
 */
export function openCsvRecords(path: string, delimiter: CsvDelimiter) {
  let bytesRead = 0;
  let bytesAtLastRecord = 0;
  let recordCount = 0;
  const decoder = new StringDecoder("utf8");
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: false });
  // Decodes UTF-8 across chunk boundaries (a character split between two reads stays whole)
  // and counts the bytes handed to the parser.
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      bytesRead += chunk.length;
      if (bytesRead - bytesAtLastRecord > MAX_RECORD_BYTES) {
        done(new CsvReadError(`Row ${recordCount + 1} runs on for more than ${MAX_RECORD_BYTES / 1024 / 1024} MB: a quote (") is probably never closed.`));
        return;
      }
      done(null, decoder.write(chunk));
    },
    flush(done) {
      done(null, decoder.end());
    },
  });
  const file = createReadStream(path);
  const fail = (error: Error) => parser.destroy(error);
  file.on("error", fail);
  decode.on("error", fail);
  file.pipe(decode).pipe(parser);

  async function* records(): AsyncGenerator<string[]> {
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        recordCount++;
        bytesAtLastRecord = bytesRead;
        yield record;
      }
    } finally {
      file.destroy();
      decode.destroy();
      parser.destroy();
    }
  }

  return { records: records(), bytesRead: () => bytesRead, parser };
}

/** The first record of a file (its header row), reading no further than needed. */
export async function readCsvHeader(path: string, delimiter: CsvDelimiter): Promise<string[] | null> {
  const { records } = openCsvRecords(path, delimiter);
  for await (const record of records) {
    if (record.some((c) => c.trim() !== "")) return record;
  }
  return null;
}
