// npm run docs:fields
// Writes the field reference in EDITING.md from the content schemas' .describe() texts, so what
// editors read is what the check enforces. test/field-reference.test.ts fails when EDITING.md is
// out of date. The reference sits between the two marker comments below; the rest of EDITING.md
// is written by hand.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { controlledListSchema, glossarySchema, informationPageSchema, serviceSchema, settingsSchema } from "../src/content/schemas.ts";
import { reckonerSchema } from "../src/content/reckoners/reckoner-schema.ts";
import type { CentroidTables } from "../src/lib/postcode.ts";
import { orukMappingSchema } from "../src/open-referral/oruk-mapping.ts";

export const START = "<!-- field reference: generated from the content schemas by npm run docs:fields; do not edit by hand -->";
export const END = "<!-- end of field reference -->";

export const editingPath = path.resolve(import.meta.dirname, "..", "EDITING.md");

interface FileKind {
  heading: string;
  intro: string;
  schema: z.ZodType;
}

// Built with empty lists and postcode tables: the describe() texts of the controlled lists would
// otherwise list the ids in content/_data/lists/, and an editor adding a category would make this
// reference out of date. Empty lists leave "...categories.yaml: ", whose dangling ": " is dropped.
const emptyLists = { categories: [], needs: [], accessibility: [], areas: [] };
const emptyTables: CentroidTables = { sectors: new Map(), outcodes: new Map() };

const kinds: FileKind[] = [
  {
    heading: "Information pages",
    intro: "The front matter of every Markdown page in `content/` that is not a service, such as `content/sen-support/help-at-home.md`.",
    schema: informationPageSchema,
  },
  {
    heading: "Services",
    intro: "The front matter of each service in the directory, `content/services/<name>.md`.",
    schema: serviceSchema(emptyLists, emptyTables),
  },
  {
    heading: "Ready reckoner files",
    intro: "Each question tool, `content/reckoners/<name>.yaml`. `[]` in a field's name means each item in that list.",
    schema: reckonerSchema,
  },
  {
    heading: "Glossary",
    intro: "`content/_data/glossary.yaml`.",
    schema: glossarySchema,
  },
  {
    heading: "Controlled lists",
    intro:
      "`content/_data/lists/categories.yaml`, `needs.yaml`, `accessibility.yaml` (a venue's access features) and `areas.yaml` (where services are offered).",
    schema: controlledListSchema,
  },
  {
    heading: "Open Referral mapping file",
    intro:
      "`content/_data/oruk-mapping.yaml`, which tells `npm run import:oruk` what the council directory's terms mean. `[]` in a field's name means each item in that list.",
    schema: orukMappingSchema(emptyLists),
  },
  {
    heading: "Settings file",
    intro: "`content/_data/settings.yaml`.",
    schema: settingsSchema,
  },
];

interface Unwrapped {
  inner: z.ZodType;
  optional: boolean;
  defaultValue: unknown;
  description: string | undefined;
}

/** Looks through optional, default, nullable and pipe wrappers, keeping the outermost description. */
function unwrap(schema: z.ZodType): Unwrapped {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  let description = schema.description;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
      optional ||= inner instanceof z.ZodOptional;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      optional = true;
      defaultValue = inner.def.defaultValue;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe) {
      inner = inner.in as z.ZodType;
    } else {
      break;
    }
    description ??= inner.description;
  }
  return { inner, optional, defaultValue, description };
}

interface Row {
  name: string;
  required: string;
  text: string;
}

const MISSING = "(no description: add one with .describe() in the schema)";

function tidy(text: string): string {
  return text.trim().replace(/[\s:,;]+$/, "");
}

function fieldRows(object: z.ZodObject, prefix: string, condition: string | undefined, rows: Row[]): void {
  for (const [key, schema] of Object.entries(object.shape)) {
    const name = `${prefix}${key}`;
    const field = unwrap(schema as z.ZodType);
    const required = field.optional
      ? field.defaultValue === undefined
        ? "No"
        : `No. If left out: ${String(field.defaultValue)}`
      : condition
        ? `Yes, if \`${condition}\` is there`
        : "Yes";
    const within = field.optional ? name : condition;
    const { inner } = field;
    if (inner instanceof z.ZodObject) {
      rows.push({ name, required, text: field.description ?? `a group of fields: ${Object.keys(inner.shape).join(", ")}` });
      fieldRows(inner, `${name}.`, within, rows);
    } else if (inner instanceof z.ZodArray) {
      const element = unwrap(inner.element as z.ZodType);
      if (element.inner instanceof z.ZodObject) {
        rows.push({ name, required, text: field.description ?? "a list" });
        fieldRows(element.inner, `${name}[].`, within, rows);
      } else {
        const each = element.description ? `; each is ${tidy(element.description)}` : "";
        rows.push({ name, required, text: `${tidy(field.description ?? MISSING)}${each}` });
      }
    } else {
      rows.push({ name, required, text: field.description ?? MISSING });
    }
  }
}

/** Every field of one kind of file, in the order the schema lists them. */
function rowsOf(schema: z.ZodType): { lead: string | undefined; rows: Row[] } {
  const rows: Row[] = [];
  const top = unwrap(schema);
  if (top.inner instanceof z.ZodObject) {
    fieldRows(top.inner, "", undefined, rows);
    return { lead: top.description, rows };
  }
  if (top.inner instanceof z.ZodArray) {
    const entry = unwrap(top.inner.element as z.ZodType);
    if (entry.inner instanceof z.ZodObject) fieldRows(entry.inner, "", undefined, rows);
    return { lead: top.description ? `The file is ${tidy(top.description)}. Each entry has these fields:` : undefined, rows };
  }
  throw new Error(`field reference: a schema that is neither an object nor a list (${top.inner.def.type})`);
}

/** Table cells: no pipes, tags or emphasis from the describe() texts. */
function cell(text: string): string {
  return tidy(text).replace(/[\\|*_<>`]/g, (char) => `\\${char}`);
}

/** The Markdown between the markers, starting and ending with a blank line. */
export function renderFieldReference(): string {
  const parts: string[] = ["", ""];
  for (const kind of kinds) {
    const { lead, rows } = rowsOf(kind.schema);
    parts.push(`### ${kind.heading}`, "", kind.intro, "");
    if (lead) parts.push(lead, "");
    parts.push("| Field | Required | What to write |", "| --- | --- | --- |");
    for (const row of rows) parts.push(`| \`${row.name}\` | ${row.required} | ${cell(row.text)} |`);
    parts.push("");
  }
  return `${parts.join("\n")}\n`;
}

/** Fields with no describe() text, so the reference would leave editors guessing. */
export function undescribedFields(): string[] {
  return kinds.flatMap((kind) =>
    rowsOf(kind.schema)
      .rows.filter((row) => row.text.includes(MISSING))
      .map((row) => `${kind.heading}: ${row.name}`),
  );
}

/** What is between the markers now, or undefined if EDITING.md has lost them. */
export function fieldReferenceIn(text: string): string | undefined {
  const start = text.indexOf(START);
  const end = text.indexOf(END, start);
  return start === -1 || end === -1 ? undefined : text.slice(start + START.length, end);
}

export function withFieldReference(text: string, reference: string): string {
  const current = fieldReferenceIn(text);
  if (current === undefined) throw new Error(`EDITING.md has no ${START} … ${END} section to write the field reference into`);
  const start = text.indexOf(START) + START.length;
  return `${text.slice(0, start)}${reference}${text.slice(start + current.length)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const text = await readFile(editingPath, "utf8");
  const updated = withFieldReference(text, renderFieldReference());
  if (updated === text) {
    console.log("EDITING.md's field reference is already up to date.");
  } else {
    await writeFile(editingPath, updated);
    console.log("Wrote the field reference into EDITING.md.");
  }
  const undescribed = undescribedFields();
  if (undescribed.length) console.warn(`These fields have no description in the schema: ${undescribed.join(", ")}`);
}
