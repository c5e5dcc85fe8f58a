import { csvLines, UTF8_BOM } from "./csv-output";

/** Saves rows as a CSV file from the browser: the header line, then one line per row. */
export function downloadCsv(fileName: string, header: string[], rows: unknown[][]): void {
  const url = URL.createObjectURL(new Blob([UTF8_BOM + csvLines([header, ...rows])], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
