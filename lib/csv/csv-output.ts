import Papa from "papaparse";

/**
 * CSV files Handoff hands out (exports, failed-rows reports), written with papaparse's `unparse`
 * so quotes, commas and line breaks inside values are escaped properly.
 */

/**
 * Cells a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`) get a leading quote.
 * A `+` or `-` followed only by digits and phone punctuation ("+1 (555) 010-0199", "-12") is a
 * value, not a formula, and stays as it is.
 */
export const FORMULA_LIKE = /^[=@\t\r]|^[+-](?![\d\s().-]*$)/;

/** Excel reads a UTF-8 CSV as its legacy code page unless the file starts with a byte-order mark. */
export const UTF8_BOM = "\uFEFF";

export function csvLines(rows: unknown[][]): string {
  if (rows.length === 0) return "";
  return `${Papa.unparse(rows, { escapeFormulae: FORMULA_LIKE, newline: "\r\n" })}\r\n`;
}

/**
 * A CSV body produced page by page as the client reads it (pull-based, so a slow download never
 * makes the server fetch ahead): the header line first, then each page the generator yields.
 */
export function csvStream(header: string[], pages: AsyncGenerator<unknown[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvLines([header])));
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvLines(next.value)));
      } catch (error) {
        console.error("CSV download failed part-way", error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/** `attachment` headers with an ASCII file name and the exact one for browsers that read RFC 5987. */
export function csvDownloadHeaders(fileName: string): HeadersInit {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]+/g, "_");
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "cache-control": "no-store",
  };
}
