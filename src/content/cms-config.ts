// The content editor's (Decap CMS, at /admin/) configuration, made from the same zod schemas and
// controlled lists the content check uses, so its forms ask for what the check requires and
// offer only what it accepts: field types, required fields, lengths, patterns, the category and
// need lists as choices, dates, and each field's hint from its schema's description. Pure: the
// build reads the content folder and passes in what it found (src/eleventy/cms.ts).
//
// The schemas are read through z.toJSONSchema, zod's public description of them. What a JSON
// schema cannot say (refinements such as "closes after it opens" or "a postcode in the data") the
// form leaves to the check, which runs on the pull request.
import { z } from "zod";
import { stringify } from "yaml";
import { reckonerSchema } from "./reckoners/reckoner-schema.ts";
import {
  CONTROLLED_LISTS,
  type ControlledLists,
  controlledListSchema,
  glossarySchema,
  informationPageSchema,
  serviceSchema,
  settingsSchema,
} from "./schemas.ts";
import { CMS_FORMATS, LIST_ENTRIES_FIELD, SERVICE_MARKER } from "../lib/cms.ts";
import type { CentroidTables } from "../lib/postcode.ts";

/** A list's entries as the content check reads them. */
export type ListEntries = ReadonlyArray<{ id: string; name: string }>;

export interface CmsInputs {
  /** The content folder's path from the repository's root, with forward slashes: "content". */
  contentFolder: string;
  lists: Record<keyof ControlledLists, ListEntries>;
  /** Each section folder ("sen-support") and its index page's title. */
  sections: ReadonlyArray<{ folder: string; title: string }>;
  /** Each ready reckoner's file name without .yaml, and its title. */
  reckoners: ReadonlyArray<{ name: string; title: string }>;
  /** The GitHub repository the editor saves to ("owner/name"), from the settings. */
  repository: string | undefined;
  /** The branch pull requests go into. */
  branch: string;
  /** The live site's address, which the editor links to. */
  siteUrl: string | undefined;
  /**
   * `npm run edit` only: the local proxy (decap-server) Decap talks to instead of GitHub. Decap
   * itself only ever uses it on localhost; the deployed configuration has none.
   */
  localProxyUrl?: string;
}

/** A Decap field, as its configuration documents it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  options?: Array<{ label: string; value: string }>;
  multiple?: boolean;
  min?: number;
  max?: number;
  step?: number;
  value_type?: "int" | "float";
  format?: string;
  date_format?: string;
  time_format?: boolean;
  field?: CmsField;
  fields?: CmsField[];
  collapsed?: boolean;
  summary?: string;
  modes?: string[];
}

/** Fields a tool writes, which the form keeps as they are. */
const WRITTEN_BY_TOOLS = new Set(["orukId", "importedFrom"]);

/** The longest text a one-line box is given; longer fields get a text area. */
const ONE_LINE_MAX = 200;

/** "lastReviewed" -> "Last reviewed". */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An enum value as a choice: "school-holidays" -> "School holidays". */
const optionLabel = (value: string) => labelOf(value.replace(/-/g, " "));

/**
 * A pattern for a length the check counts after trimming the spaces at each end (zod's .trim()):
 * from the first character that is not a space to the last.
 */
export function trimmedLengthPattern(min: number | undefined, max: number | undefined): string {
  const low = Math.max(min ?? 0, 0);
  const high = max === undefined ? "" : String(max - 2);
  if (low <= 1) {
    const longer = max === undefined ? "\\S[\\s\\S]*\\S" : max >= 2 ? `\\S[\\s\\S]{0,${max - 2}}\\S` : "";
    const choices = ["\\S", ...(longer ? [longer] : [])];
    return `^\\s*(?:${choices.join("|")})${low === 0 ? "?" : ""}\\s*$`;
  }
  return `^\\s*\\S[\\s\\S]{${low - 2},${high}}\\S\\s*$`;
}

type JsonSchema = {
  type?: string;
  description?: string;
  enum?: string[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  controlledList?: keyof ControlledLists;
};

/** A zod schema as JSON Schema: what editors may write into a file (the input side, defaults optional). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** The part of a description that says what a field is, without the length, for a pattern's error. */
const sentence = (text: string | undefined) => (text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : "Not in the expected form");

/** A string field's pattern: its own, and its length counted as the check counts it. */
function stringPattern(schema: JsonSchema): [string, string] | undefined {
  const parts: string[] = [];
  if (schema.minLength !== undefined || schema.maxLength !== undefined) parts.push(trimmedLengthPattern(schema.minLength, schema.maxLength));
  if (schema.pattern) parts.push(schema.pattern);
  else if (schema.format === "uri") parts.push("^https?://\\S+$");
  if (parts.length === 0) return undefined;
  // Both must match: every part after the first as a lookahead at the start.
  const [first, ...rest] = parts;
  const source = rest.length === 0 ? first! : `(?=${rest.map((part) => `(?:${part})`).join(")(?=")})${first}`;
  return [source, sentence(schema.description)];
}

function selectOptions(schema: JsonSchema, lists: CmsInputs["lists"]): CmsField["options"] | undefined {
  if (schema.controlledList) return lists[schema.controlledList].map((entry) => ({ label: entry.name, value: entry.id }));
  if (schema.enum) return schema.enum.map((value) => ({ label: optionLabel(value), value }));
  return undefined;
}

function fieldOf(name: string, schema: JsonSchema, required: boolean, lists: CmsInputs["lists"]): CmsField {
  const base: CmsField = { name, label: labelOf(name), widget: "string", required };
  if (schema.description) base.hint = schema.description;
  if (schema.default !== undefined) base.default = schema.default;
  if (WRITTEN_BY_TOOLS.has(name)) return { ...base, widget: "hidden" };
  const options = selectOptions(schema, lists);
  if (options) return { ...base, widget: "select", options };
  switch (schema.type) {
    case "boolean":
      return { ...base, widget: "boolean" };
    case "integer":
    case "number": {
      const number: CmsField = { ...base, widget: "number", value_type: schema.type === "integer" ? "int" : "float" };
      if (schema.minimum !== undefined) number.min = schema.minimum;
      if (schema.maximum !== undefined) number.max = schema.maximum;
      number.step = schema.type === "integer" ? 1 : 0.01;
      return number;
    }
    case "object":
      // Decap checks a group's required fields even when the group is left empty, so in an
      // optional group none is required: the check asks for them once the group is filled in.
      return { ...base, widget: "object", fields: fieldsOf(schema, lists, required), collapsed: false };
    case "array": {
      const items = schema.items ?? {};
      const list: CmsField = { ...base, widget: "list" };
      const itemOptions = selectOptions(items, lists);
      if (itemOptions) Object.assign(list, { widget: "select", multiple: true, options: itemOptions });
      else if (items.type === "object") Object.assign(list, { fields: fieldsOf(items, lists), collapsed: true });
      else list.field = fieldOf(singular(name), items, true, lists);
      if (schema.minItems !== undefined) list.min = schema.minItems;
      if (schema.maxItems !== undefined) list.max = schema.maxItems;
      return list;
    }
    default: {
      if (schema.format === "date") return { ...base, widget: "datetime", format: "YYYY-MM-DD", date_format: "YYYY-MM-DD", time_format: false };
      const text: CmsField = { ...base, widget: (schema.maxLength ?? 0) > ONE_LINE_MAX ? "text" : "string" };
      const pattern = stringPattern(schema);
      if (pattern) text.pattern = pattern;
      return text;
    }
  }
}

/** What one item of a list is called: "keywords" -> "keyword". */
const singular = (name: string) => name.replace(/ies$/, "y").replace(/s$/, "");

/** An object schema's fields, in the schema's order; none required when the object itself is not. */
function fieldsOf(schema: JsonSchema, lists: CmsInputs["lists"], objectRequired = true): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => fieldOf(name, property, objectRequired && required.has(name), lists));
}

/** A page's text below its front matter. */
const BODY: CmsField = {
  name: "body",
  label: "Page text",
  widget: "markdown",
  required: false,
  hint: "Headings start at ## (the title is the page's only top heading). Link to other pages by their address, such as /sen-support/.",
  modes: ["rich_text", "raw"],
};

// Built with empty postcode tables: the form cannot look a postcode up, only check its shape.
const noTables: CentroidTables = { sectors: new Map(), outcodes: new Map() };

/** Every field of each kind of file, as the form offers them. */
export function schemaFields(lists: CmsInputs["lists"]) {
  const entriesOf = (schema: z.ZodType): CmsField => {
    const list = jsonSchemaOf(schema);
    return { ...fieldOf(LIST_ENTRIES_FIELD, list, true, lists), label: "Entries", collapsed: true };
  };
  return {
    information: fieldsOf(jsonSchemaOf(informationPageSchema), lists),
    service: fieldsOf(jsonSchemaOf(serviceSchema(lists, noTables)), lists),
    reckoner: fieldsOf(jsonSchemaOf(reckonerSchema), lists),
    settings: fieldsOf(jsonSchemaOf(settingsSchema), lists),
    glossary: entriesOf(glossarySchema),
    list: entriesOf(controlledListSchema),
  };
}

/** The Decap configuration for the content in `inputs.contentFolder`. */
export function cmsConfig(inputs: CmsInputs): Record<string, unknown> {
  const fields = schemaFields(inputs.lists);
  const at = (relative: string) => `${inputs.contentFolder}/${relative}`;
  const pages = (name: string, label: string, folder: string, description: string) => ({
    name,
    label,
    label_singular: "page",
    description,
    folder: at(folder).replace(/\/$/, ""),
    extension: "md",
    format: CMS_FORMATS.frontMatter,
    create: true,
    slug: "{{slug}}",
    summary: "{{title}}",
    sortable_fields: ["title", "order", "lastReviewed"],
    fields: [...fields.information, BODY],
  });
  const config: Record<string, unknown> = {
    backend: {
      name: "github",
      repo: inputs.repository ?? "owner/repository-set-in-settings",
      branch: inputs.branch,
      base_url: "https://api.netlify.com",
      auth_endpoint: "auth",
      // Publishing a change merges its pull request as one commit.
      squash_merges: true,
    },
    ...(inputs.localProxyUrl ? { local_backend: { url: inputs.localProxyUrl } } : {}),
    publish_mode: "editorial_workflow",
    site_url: inputs.siteUrl,
    display_url: inputs.siteUrl,
    locale: "en",
    media_folder: at("images"),
    public_folder: "/images",
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      ...inputs.sections.map((section) =>
        pages(`section-${section.folder}`, section.title, `${section.folder}/`, `Pages in the "${section.title}" section, /${section.folder}/.`),
      ),
      pages("other-pages", "Other pages", "", "Pages outside the sections: the home page, contact, accessibility, privacy and others."),
      {
        name: "services",
        label: "Services",
        label_singular: "service",
        description: "The services in the directory. Each is a page at /services/<name>/.",
        folder: at("services"),
        extension: "md",
        format: CMS_FORMATS.service,
        filter: { field: SERVICE_MARKER, value: true },
        create: true,
        slug: "{{slug}}",
        summary: "{{title}}",
        sortable_fields: ["title", "lastReviewed"],
        fields: [...fields.service, { ...BODY, label: "About the service" }],
      },
      {
        name: "glossary",
        label: "Glossary",
        // Decap reads a file collection's format from the collection, not from each file.
        format: CMS_FORMATS.yamlList,
        files: [
          {
            name: "glossary",
            label: "Glossary",
            file: at("_data/glossary.yaml"),
            fields: [fields.glossary],
          },
        ],
      },
      {
        name: "lists",
        label: "Controlled lists",
        description: "The types of service, needs, venue access features and areas services choose from.",
        format: CMS_FORMATS.yamlList,
        files: CONTROLLED_LISTS.map((list) => ({
          name: list,
          label: labelOf(list),
          file: at(`_data/lists/${list}.yaml`),
          fields: [fields.list],
        })),
      },
      {
        name: "reckoners",
        label: "Question tools",
        format: CMS_FORMATS.yaml,
        files: inputs.reckoners.map((reckoner) => ({
          name: reckoner.name,
          label: reckoner.title,
          file: at(`reckoners/${reckoner.name}.yaml`),
          fields: fields.reckoner,
        })),
      },
      {
        name: "settings",
        label: "Settings",
        format: CMS_FORMATS.yaml,
        files: [{ name: "settings", label: "Site settings", file: at("_data/settings.yaml"), fields: fields.settings }],
      },
    ],
  };
  return config;
}

/** The configuration as /admin/config.yml, which Decap reads. */
export function cmsConfigYaml(config: Record<string, unknown>): string {
  return `# Made by the build from the content schemas (src/content/cms-config.ts): do not edit.\n${stringify(config, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
