"use client";
import { Check } from "lucide-react";
import { NativeSelect } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ColumnMapping } from "@/db/schema/imports";
import { recognizeHeader } from "@/lib/import/column-mapping";
import { IGNORE_COLUMN, IMPORT_FIELDS, KEEP_AS_PROPERTY, type ImportField, type ImportKind } from "@/lib/import/import-fields";

function groups(kind: ImportKind): [string, ImportField[]][] {
  const byGroup = new Map<string, ImportField[]>();
  const main = kind === "contacts" ? "Contact" : kind === "events" ? "Event" : "Stage change";
  for (const f of IMPORT_FIELDS[kind]) byGroup.set(f.group ?? main, [...(byGroup.get(f.group ?? main) ?? []), f]);
  return [...byGroup];
}

/** Each other column that fed the same field lets go of it: one column per field. */
export function assignColumn(mapping: ColumnMapping, header: string, target: string): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [h, t] of Object.entries(mapping)) {
    if (h === header) continue;
    if (target !== IGNORE_COLUMN && target !== KEEP_AS_PROPERTY && t === target) continue;
    next[h] = t;
  }
  if (target !== IGNORE_COLUMN) next[header] = target;
  return next;
}

/** The file's columns, a sample value of each, and the field each feeds (suggested, saved or chosen). */
export function ColumnMappingTable({
  kind,
  headers,
  samples,
  mapping,
  onChange,
}: {
  kind: ImportKind;
  headers: string[];
  samples: Record<string, string>;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const fieldGroups = groups(kind);
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-[32%]">Column in your file</TableHead>
          <TableHead>Example</TableHead>
          <TableHead className="w-80">Import as</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {headers.map((header) => {
          const target = mapping[header] ?? IGNORE_COLUMN;
          const recognised = target !== IGNORE_COLUMN && recognizeHeader(kind, header) === target;
          return (
            <TableRow key={header} className={target === IGNORE_COLUMN ? "text-muted-foreground" : undefined}>
              <TableCell className="font-medium">
                <span className="inline-flex items-center gap-1.5">
                  {header}
                  {recognised ? <Check className="size-3.5 text-success" aria-label="recognised" /> : null}
                </span>
              </TableCell>
              <TableCell className="max-w-72 truncate text-muted-foreground" title={samples[header]}>
                {samples[header] || <span className="italic">empty in the first rows</span>}
              </TableCell>
              <TableCell>
                <NativeSelect aria-label={`Import “${header}” as`} value={target} onChange={(e) => onChange(assignColumn(mapping, header, e.target.value))}>
                  <option value={IGNORE_COLUMN}>Don&apos;t import</option>
                  {fieldGroups.map(([group, fields]) => (
                    <optgroup key={group} label={group}>
                      {fields.map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                  {kind !== "stage_changes" ? (
                    <optgroup label="Other">
                      <option value={KEEP_AS_PROPERTY}>Keep as a custom property</option>
                    </optgroup>
                  ) : null}
                </NativeSelect>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
