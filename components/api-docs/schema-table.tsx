type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  description?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${t} (${s.format})` : t;
}

function constraints(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.maxLength) parts.push(`≤ ${s.maxLength} chars`);
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.pattern && !s.format) parts.push(`pattern ${s.pattern}`);
  return parts.join(", ");
}

/** The fields of a JSON schema as a table; nested objects are indented under their parent. */
export function SchemaTable({ schema }: { schema: JsonSchema }) {
  const rows: { name: string; depth: number; schema: JsonSchema; required: boolean }[] = [];
  const walk = (s: JsonSchema, depth: number, prefix: string) => {
    for (const [name, child] of Object.entries(s.properties ?? {})) {
      rows.push({ name: prefix + name, depth, schema: child, required: s.required?.includes(name) ?? false });
      if (child.properties) walk(child, depth + 1, `${prefix}${name}.`);
    }
  };
  walk(schema, 0, "");
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="border-b text-left text-xs uppercase tracking-wide text-muted-foreground">
          <th className="py-2 pr-4 font-medium">Field</th>
          <th className="py-2 pr-4 font-medium">Type</th>
          <th className="py-2 font-medium">Notes</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} className="border-b last:border-0 align-top">
            <td className="py-2 pr-4 font-mono text-xs" style={{ paddingLeft: r.depth * 16 }}>
              {r.name}
              {r.required ? <span className="ml-1 text-destructive" title="required">*</span> : null}
            </td>
            <td className="py-2 pr-4 font-mono text-xs text-muted-foreground">{typeOf(r.schema)}</td>
            <td className="py-2 text-xs text-muted-foreground">{[r.schema.description, constraints(r.schema)].filter(Boolean).join(" · ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
