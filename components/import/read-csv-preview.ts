"use client";
import Papa from "papaparse";
import { isBlankRow, normalizeHeaders } from "@/lib/import/csv-headers";

export type CsvDelimiter = "," | ";" | "\t" | "|";

export type CsvPreview = {
  headers: string[];
  /** The first data rows with their spreadsheet row numbers (the header is row 1), as the server numbers them. */
  rows: { rowNumber: number; cells: string[] }[];
  delimiter: CsvDelimiter;
};

export const PREVIEW_ROWS = 20;
const DELIMITERS: CsvDelimiter[] = [",", ";", "\t", "|"];

/**
 * Reads only the start of a file in the browser (papaparse on 64 KB slices, stopping after the
 * first rows): enough for the headers, the mapping and a validated preview of a 200 MB export.
 */
export function readCsvPreview(file: File): Promise<CsvPreview> {
  return new Promise((resolve, reject) => {
    const records: string[][] = [];
    let delimiter: CsvDelimiter = ",";
    Papa.parse<string[]>(file, {
      chunkSize: 64 * 1024,
      // Blank lines are kept so that row numbers match the server's; a few extra cover them.
      preview: PREVIEW_ROWS + 20,
      skipEmptyLines: false,
      step: (result, parser) => {
        if (DELIMITERS.includes(result.meta.delimiter as CsvDelimiter)) delimiter = result.meta.delimiter as CsvDelimiter;
        records.push(result.data);
        const dataRows = records.filter((r) => !isBlankRow(r)).length - 1;
        if (dataRows >= PREVIEW_ROWS) parser.abort();
      },
      complete: () => {
        const headerIndex = records.findIndex((r) => !isBlankRow(r));
        if (headerIndex < 0) {
          reject(new Error("The file is empty: its first line should name the columns."));
          return;
        }
        const rows = records
          .map((cells, i) => ({ rowNumber: i + 1, cells }))
          .slice(headerIndex + 1)
          .filter((r) => !isBlankRow(r.cells))
          .slice(0, PREVIEW_ROWS);
        resolve({ headers: normalizeHeaders(records[headerIndex]!), rows, delimiter });
      },
      error: (error) => reject(new Error(`The file could not be read: ${error.message}`)),
    });
  });
}
