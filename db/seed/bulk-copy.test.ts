import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { createTestDatabase } from "../test-database";
import { copyRows, csvField, csvLine, jsonb, pgArrayLiteral, runnerFor, type CsvValue } from "./bulk-copy";

describe("CSV encoding", () => {
  it("tells NULL from the empty string", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField("")).toBe('""');
  });

  it("quotes only what needs it", () => {
    expect(csvLine(["plain", 42, true, 'say "hi"', "a,b"])).toBe('plain,42,t,"say ""hi""","a,b"\n');
    expect(csvField("\\.")).toBe('"\\."');
  });

  it("writes arrays as PostgreSQL array literals", () => {
    expect(pgArrayLiteral(["a", "b c", 'd"e', "f\\g", null])).toBe('{"a","b c","d\\"e","f\\\\g",NULL}');
    expect(csvField(["x,y"])).toBe('"{""x,y""}"');
  });

  it("refuses values PostgreSQL could not store", () => {
    expect(() => csvField(Number.NaN)).toThrow();
    expect(() => csvField(new Date(Number.NaN))).toThrow();
  });
});

const AWKWARD_TEXT = [
  "plain",
  "",
  "comma, inside",
  'double "quotes" and a lone "',
  "line\nbreak and\r\nwindows line",
  "unicode: café – 日本語 🚀 ✓",
  "\\.",
  "back\\slash \\N",
  "NULL",
  "   padded   ",
  "\ttab",
];

type Row = { n: number; t: string | null; i: number | null; f: number | null; b: boolean | null; at: Date | null; tags: string[] | null; doc: unknown };

describe("copyRows on the real database", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await runnerFor(handle).query(
      "create table csv_round_trip (n int primary key, t text, i int, f double precision, b boolean, at timestamptz, tags text[], doc jsonb)",
    );
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("round-trips awkward values exactly", async () => {
    const docs: unknown[] = [
      { url: "https://example.com/a?b=1&c=2", title: 'The "best" page, really', durationSec: 12 },
      { "we\"ird key": 'x"y', nested: { list: [1, "two", null, { deep: "line\nbreak" }] }, flag: false, none: null },
      { control: "bell\u0007 and tab\t", unicode: "naïve ✓ 🚀", slash: "C:\\path" },
      ["a", 1, { b: [] }],
      "just a string, with a comma",
      12.5,
      {},
    ];
    const rows: Row[] = [
      ...AWKWARD_TEXT.map((t, n) => ({
        n,
        t,
        i: n - 5,
        f: n / 3,
        b: n % 2 === 0,
        at: new Date(Date.UTC(2024, 1, 29, 23, 59, 59, n)),
        tags: [t, `${t},${n}`],
        doc: docs[n % docs.length],
      })),
      { n: 100, t: null, i: null, f: null, b: null, at: null, tags: null, doc: null },
      { n: 101, t: "edges", i: 0, f: -0.1, b: false, at: new Date("1969-12-31T23:59:59.999Z"), tags: [], doc: { empty: "" } },
      { n: 102, t: "far", i: 2_000_000_000, f: 1e21, b: true, at: new Date("2099-01-01T00:00:00.000Z"), tags: ["NULL", "", "{braces}"], doc: docs[1] },
    ];
    const values = rows.map((r): CsvValue[] => [r.n, r.t, r.i, r.f, r.b, r.at, r.tags, r.doc === null ? null : jsonb(r.doc)]);

    // A tiny chunk size makes the rows travel in several COPY statements.
    const written = await copyRows(handle, "csv_round_trip", ["n", "t", "i", "f", "b", "at", "tags", "doc"], values, 4);
    expect(written).toBe(rows.length);

    const back = await runnerFor(handle).query<Row>("select n, t, i, f, b, at, tags, doc from csv_round_trip order by n");
    expect(back).toHaveLength(rows.length);
    back.forEach((got, k) => {
      const want = rows[k];
      expect({ ...got, at: got.at && new Date(got.at).toISOString() }).toEqual({ ...want, at: want.at?.toISOString() ?? null });
    });
  });

  it("reports a row of the wrong width instead of loading garbage", async () => {
    await expect(copyRows(handle, "csv_round_trip", ["n", "t"], [[1000]])).rejects.toThrow(/1 values for 2 columns/);
  });
});
