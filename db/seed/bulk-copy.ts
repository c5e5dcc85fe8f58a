import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type postgres from "postgres";
import type { DatabaseHandle } from "../client";
import { isoTimestamp } from "./time";

/**
 * Bulk loading through COPY … FROM STDIN (FORMAT csv), for both drivers. Row-by-row inserts
 * are two orders of magnitude slower at the sizes the demo and the benchmarks need.
 */

/** A value destined for a json/jsonb column (plain arrays are written as PostgreSQL arrays). */
export class JsonValue {
  constructor(readonly value: unknown) {}
}

export function jsonb(value: unknown): JsonValue {
  return new JsonValue(value);
}

export type ArrayElement = string | number | boolean | null;
export type CsvValue = string | number | boolean | Date | null | undefined | JsonValue | readonly ArrayElement[];

const NEEDS_QUOTES = /[",\r\n]/;

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

// Characters JSON must escape, and lone surrogates, which JSON.stringify escapes too.
const JSON_UNSAFE = /["\\\u0000-\u001f\ud800-\udfff]/;

function jsonStringInCsv(text: string): string {
  return JSON_UNSAFE.test(text) ? JSON.stringify(text).replaceAll('"', '""') : `""${text}""`;
}

/**
 * JSON text already quoted as one CSV field. Flat objects — nearly every event's properties —
 * are serialised directly into their escaped form; anything else goes through JSON.stringify.
 */
export function jsonInCsv(value: unknown): string {
  if (value === null || typeof value !== "object" || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error("Cannot COPY undefined as JSON");
    return quote(text);
  }
  let out = '"{';
  let first = true;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    out += (first ? "" : ",") + jsonStringInCsv(key) + ":";
    first = false;
    if (typeof v === "string") out += jsonStringInCsv(v);
    else if (typeof v === "boolean" || v === null) out += String(v);
    else if (typeof v === "number") out += Number.isFinite(v) ? String(v) : "null";
    else out += JSON.stringify(v).replaceAll('"', '""');
  }
  return out + '}"';
}

function csvText(text: string): string {
  // An empty string must be quoted: unquoted emptiness is how CSV COPY spells NULL. A lone `\.`
  // would read as the end-of-data marker.
  if (text === "" || text === "\\." || NEEDS_QUOTES.test(text)) return quote(text);
  return text;
}

/** A PostgreSQL array literal: `{a,"b c","say \"hi\"",NULL}`. */
export function pgArrayLiteral(items: readonly ArrayElement[]): string {
  const parts = items.map((item) => {
    if (item === null) return "NULL";
    if (typeof item === "number" || typeof item === "boolean") return String(item);
    return `"${item.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${parts.join(",")}}`;
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return csvText(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot COPY the number ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new Error("Cannot COPY an invalid date");
    return isoTimestamp(ms);
  }
  if (value instanceof JsonValue) return jsonInCsv(value.value);
  return csvText(pgArrayLiteral(value));
}

/** One CSV line, newline included. */
export function csvLine(values: readonly CsvValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ",";
    line += csvField(values[i]);
  }
  return line + "\n";
}

const PIECE_CHARS = 1 << 20;
const PIECE_BYTES = 1 << 20;

/**
 * Collects CSV lines as UTF-8 in buffers of about a megabyte. Encoding each line as it comes
 * leaves only short-lived strings behind; a string built line by line would be a tree of
 * thousands of small strings for the garbage collector to trace until the COPY sends it.
 */
export class CsvBuilder {
  private readonly pieces: Buffer[] = [];
  private current = Buffer.allocUnsafe(PIECE_BYTES);
  private used = 0;
  rows = 0;

  add(lines: string, rows = 1): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    const worstCase = lines.length * 3;
    if (this.used + worstCase > this.current.length) {
      this.seal();
      this.current = Buffer.allocUnsafe(Math.max(PIECE_BYTES, worstCase));
    }
    this.used += this.current.write(lines, this.used, "utf8");
    this.rows += rows;
  }

  private seal(): void {
    if (this.used > 0) this.pieces.push(this.current.subarray(0, this.used));
    this.used = 0;
  }

  finish(): Buffer[] {
    this.seal();
    this.current = Buffer.alloc(0);
    return this.pieces;
  }
}

/** CSV text, whole or as consecutive UTF-8 pieces (each ending at a line break). */
export type CsvText = string | readonly Buffer[];

/** Raw SQL and COPY on one connection (or inside one transaction), whichever the driver. */
export type SqlRunner = {
  kind: DatabaseHandle["kind"];
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Loads CSV text (lines as produced by `csvLine`) into the table's listed columns. */
  copyCsv(table: string, columns: readonly string[], csv: CsvText): Promise<void>;
};

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function copyStatement(table: string, columns: readonly string[], from: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) FROM ${from} WITH (FORMAT csv)`;
}

// Pieces of about 1 MB keep the socket busy without building one giant buffer.
function* slices(csv: CsvText): Generator<string | Buffer> {
  if (typeof csv !== "string") return yield* csv;
  for (let i = 0; i < csv.length; i += PIECE_CHARS) yield csv.slice(i, i + PIECE_CHARS);
}

const isEmpty = (csv: CsvText) => csv.length === 0 || (typeof csv !== "string" && csv.every((p) => p.length === 0));

function postgresRunner(sql: postgres.Sql | postgres.TransactionSql): SqlRunner {
  return {
    kind: "postgres",
    async query<T>(text: string, params: unknown[] = []) {
      return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
    },
    async copyCsv(table, columns, csv) {
      if (isEmpty(csv)) return;
      const stream = await sql.unsafe(copyStatement(table, columns, "STDIN")).writable();
      await pipeline(Readable.from(slices(csv)), stream);
    },
  };
}

function pgliteRunner(client: PGlite | Transaction): SqlRunner {
  return {
    kind: "pglite",
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    async copyCsv(table, columns, csv) {
      if (isEmpty(csv)) return;
      const blob = new Blob(typeof csv === "string" ? [csv] : (csv as unknown as BlobPart[]));
      await client.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob });
    },
  };
}

export function runnerFor(handle: DatabaseHandle): SqlRunner {
  return handle.kind === "postgres" ? postgresRunner(handle.client) : pgliteRunner(handle.client);
}

/** Runs `work` in one transaction: everything it writes lands together or not at all. */
export async function inTransaction<T>(handle: DatabaseHandle, work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  if (handle.kind === "postgres") {
    return (await handle.client.begin((tx) => work(postgresRunner(tx)))) as T;
  }
  return handle.client.transaction((tx) => work(pgliteRunner(tx)));
}

export const COPY_CHUNK_ROWS = 50_000;

/**
 * COPYs rows into `table` in chunks of `chunkRows`, so memory stays bounded however many rows
 * the iterable yields. Returns the number of rows written.
 */
export async function copyRows(
  target: DatabaseHandle | SqlRunner,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  chunkRows = COPY_CHUNK_ROWS,
): Promise<number> {
  const runner = "copyCsv" in target ? target : runnerFor(target);
  let csv = new CsvBuilder();
  let total = 0;
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new Error(`COPY ${table}: a row has ${row.length} values for ${columns.length} columns`);
    }
    csv.add(csvLine(row));
    if (csv.rows >= chunkRows) {
      total += csv.rows;
      await runner.copyCsv(table, columns, csv.finish());
      csv = new CsvBuilder();
    }
  }
  if (csv.rows > 0) {
    total += csv.rows;
    await runner.copyCsv(table, columns, csv.finish());
  }
  return total;
}
