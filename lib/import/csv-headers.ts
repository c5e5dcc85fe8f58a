/**
 * The header row as the import uses it: trimmed, without a byte-order mark, every column named
 * ("Column 7" for a blank header) and names made unique ("Email (2)"), so a mapping keyed by
 * header name is never ambiguous. The browser preview and the server both call this.
 */
export function normalizeHeaders(row: string[]): string[] {
  const used = new Set<string>();
  return row.map((raw, i) => {
    const base = (i === 0 ? raw.replace(/^\uFEFF/, "") : raw).trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return name;
  });
}

/** A line with no value in any cell (`,,,`), skipped without counting as a failure. */
export function isBlankRow(cells: string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

/**
 * The row's cells aligned on the header: missing trailing cells are blank, extra cells are only
 * accepted when empty (a trailing comma); otherwise the row is refused, since its values would
 * land in the wrong columns.
 */
export function alignCells(cells: string[], columnCount: number): { cells: string[] } | { error: string } {
  if (cells.length === columnCount) return { cells };
  if (cells.length < columnCount) return { cells: [...cells, ...Array<string>(columnCount - cells.length).fill("")] };
  if (cells.slice(columnCount).every((c) => c.trim() === "")) return { cells: cells.slice(0, columnCount) };
  return {
    error: `This row has ${cells.length} values but the header has ${columnCount} columns (is a comma inside a value that is not in quotes?).`,
  };
}
