// The content editor's forms against the content check: every field of every schema, walked with
// zod's own classes (not the JSON Schema route the configuration is made by), must be in the form
// with the same kind of input, the same required rule, the same choices (the controlled lists'
// entries), lengths and patterns that accept and refuse what the check does, the same number
// bounds, and the schema's description as its hint.
import path from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { type CmsField, cmsConfig, labelOf, type ListEntries, schemaFields } from "../../src/content/cms-config.ts";
import { readDataFile } from "../../src/content/data-files.ts";
import { reckonerSchema } from "../../src/content/reckoners/reckoner-schema.ts";
import {
  CONTROLLED_LISTS,
  type ControlledLists,
  controlledListSchema,
  glossarySchema,
  informationPageSchema,
  serviceSchema,
  settingsSchema,
} from "../../src/content/schemas.ts";
import { FULL_POSTCODE_SHAPE } from "../../src/lib/postcode.ts";
import { projectRoot } from "../../src/project.ts";
import { CMS_FORMATS } from "../../src/lib/cms.ts";

const contentDir = path.join(projectRoot, "content");
const lists = Object.fromEntries(CONTROLLED_LISTS.map((name) => [name, readDataFile(contentDir, `lists/${name}.yaml`) as ListEntries])) as Record<
  keyof ControlledLists,
  ListEntries
>;
const noTables = { sectors: new Map(), outcodes: new Map() };

interface Unwrapped {
  inner: z.ZodType;
  optional: boolean;
  description: string | undefined;
  defaultValue: unknown;
}

function unwrap(schema: z.ZodType): Unwrapped {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  const description = schema.description;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
    optional = true;
    if (inner instanceof z.ZodDefault) defaultValue = inner.def.defaultValue;
    inner = inner.unwrap() as z.ZodType;
  }
  return { inner, optional, description: description ?? inner.description, defaultValue };
}

/** Texts of every length around a field's bounds, with and without spaces at the ends, which the check trims. */
function lengthProbes(min: number, max: number): string[] {
  const word = (length: number) => "a".repeat(Math.max(length, 0));
  const lengths = [0, 1, 2, min - 1, min, min + 1, max - 1, max, max + 1];
  return lengths.flatMap((length) => [word(length), `  ${word(length)}  `, length >= 2 ? `a${" ".repeat(length - 2)}a` : word(length)]);
}

/** Where the form and the schema disagree about one field, in words; empty when they agree. */
function disagreements(where: string, schema: z.ZodType, field: CmsField | undefined, groupRequired: boolean): string[] {
  if (!field) return [`${where}: not in the form`];
  const { inner, optional, description, defaultValue } = unwrap(schema);
  const found: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) found.push(`${where}: ${what}`);
  };
  expect(field.required === (!optional && groupRequired), `required is ${field.required}, the schema says ${!optional && groupRequired}`);
  expect(field.hint === description, `hint is ${JSON.stringify(field.hint)}, the schema's description is ${JSON.stringify(description)}`);
  if (defaultValue !== undefined) expect(field.default === defaultValue, `default is ${String(field.default)}, the schema's is ${String(defaultValue)}`);
  const meta = z.globalRegistry.get(inner) as { controlledList?: keyof ControlledLists; format?: string } | undefined;
  if (field.widget === "hidden") return found;
  if (inner instanceof z.ZodObject) {
    expect(field.widget === "object", `is a ${field.widget}, not a group of fields`);
    found.push(...objectDisagreements(where, inner, field.fields ?? [], !optional && groupRequired));
  } else if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as z.ZodType).inner;
    const json = z.toJSONSchema(inner, { unrepresentable: "any" }) as { minItems?: number; maxItems?: number };
    expect(
      field.min === json.minItems && field.max === json.maxItems,
      `allows ${field.min}..${field.max} items, the schema ${json.minItems}..${json.maxItems}`,
    );
    const elementMeta = z.globalRegistry.get(element) as { controlledList?: keyof ControlledLists } | undefined;
    if (element instanceof z.ZodEnum || elementMeta?.controlledList) {
      expect(field.widget === "select" && field.multiple === true, `is a ${field.widget}, not a choice of several`);
      expect(
        same(
          field.options?.map((option) => option.value),
          choicesOf(element, elementMeta?.controlledList),
        ),
        "offers other choices than the schema",
      );
    } else if (element instanceof z.ZodObject) {
      expect(field.widget === "list" && Boolean(field.fields), `is a ${field.widget}, not a list of groups`);
      found.push(...objectDisagreements(`${where}[]`, element, field.fields ?? [], true));
    } else {
      expect(field.widget === "list", `is a ${field.widget}, not a list`);
      found.push(...disagreements(`${where}[]`, inner.element as z.ZodType, field.field, true));
    }
  } else if (inner instanceof z.ZodEnum) {
    expect(field.widget === "select" && !field.multiple, `is a ${field.widget}, not a choice of one`);
    expect(
      same(
        field.options?.map((option) => option.value),
        inner.options,
      ),
      "offers other choices than the schema",
    );
  } else if (inner instanceof z.ZodNumber) {
    expect(field.widget === "number", `is a ${field.widget}, not a number`);
    expect(field.value_type === (inner.isInt ? "int" : "float"), `takes ${field.value_type} numbers, the schema ${inner.isInt ? "whole" : "any"}`);
    expect(
      field.min === (inner.minValue ?? undefined) && field.max === (inner.maxValue ?? undefined),
      `allows ${field.min}..${field.max}, the schema ${inner.minValue}..${inner.maxValue}`,
    );
  } else if (inner instanceof z.ZodBoolean) {
    expect(field.widget === "boolean", `is a ${field.widget}, not yes or no`);
  } else if (meta?.controlledList) {
    expect(field.widget === "select" && !field.multiple, `is a ${field.widget}, not a choice from ${meta.controlledList}`);
    expect(
      same(
        field.options?.map((option) => option.value),
        choicesOf(inner, meta.controlledList),
      ),
      `offers other choices than ${meta.controlledList}.yaml`,
    );
  } else if (meta?.format === "date") {
    expect(field.widget === "datetime" && field.format === "YYYY-MM-DD" && field.time_format === false, `is a ${field.widget}, not a date written YYYY-MM-DD`);
  } else if (inner instanceof z.ZodStringFormat) {
    // An email address or a web address: the form's pattern takes and refuses what the check does.
    expect(field.widget === "string", `is a ${field.widget}, not one line of text`);
    const pattern = new RegExp(field.pattern?.[0] ?? "(?!)");
    // Against the format alone: the settings' address also may not end with /, which the check says.
    const shape = inner.def.format === "email" ? z.email() : z.url({ protocol: /^https?$/ });
    for (const probe of ["hello@example.org", "https://example.org/page/", "http://example.org", "example.org", "not an address", ""]) {
      const accepted = shape.safeParse(probe).success;
      expect(
        pattern.test(probe) === accepted,
        `the form ${accepted ? "refuses" : "accepts"} ${JSON.stringify(probe)}, which the check ${accepted ? "accepts" : "refuses"}`,
      );
    }
  } else if (inner instanceof z.ZodString) {
    expect(field.widget === "string" || field.widget === "text", `is a ${field.widget}, not text`);
    found.push(...patternDisagreements(where, inner, field));
  } else {
    found.push(`${where}: a kind of schema this test does not know (${inner.def.type})`);
  }
  return found;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function choicesOf(schema: z.ZodType, list: keyof ControlledLists | undefined): string[] {
  if (list) return lists[list].map((entry) => entry.id);
  return schema instanceof z.ZodEnum ? (schema.options as string[]) : [];
}

/** The form's pattern takes what the field's own schema takes, length and all. */
function patternDisagreements(where: string, schema: z.ZodString, field: CmsField): string[] {
  const pattern = field.pattern ? new RegExp(field.pattern[0]) : undefined;
  const { minLength, maxLength } = schema;
  const regexes = schema.def.checks?.flatMap((check) => {
    const def = check._zod.def as { check: string; format?: string; pattern?: RegExp };
    return def.check === "string_format" && def.format === "regex" && def.pattern ? [def.pattern] : [];
  });
  const found: string[] = [];
  if ((minLength !== null || maxLength !== null) && !pattern) found.push(`${where}: has no pattern for its length`);
  if (pattern && (minLength !== null || maxLength !== null)) {
    for (const probe of lengthProbes(minLength ?? 0, maxLength ?? (minLength ?? 0) + 10)) {
      if (regexes?.length) continue;
      const accepted = schema.safeParse(probe).success;
      if (pattern.test(probe) !== accepted)
        found.push(`${where}: the form ${accepted ? "refuses" : "accepts"} ${JSON.stringify(probe)}, which the check ${accepted ? "accepts" : "refuses"}`);
    }
  }
  for (const regex of regexes ?? [])
    if (!field.pattern?.[0].includes(regex.source)) found.push(`${where}: the pattern leaves out the schema's ${regex.source}`);
  return found;
}

function objectDisagreements(where: string, schema: z.ZodObject, fields: readonly CmsField[], required: boolean): string[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const extra = fields.filter((field) => !(field.name in schema.shape) && field.name !== "body").map((field) => `${where}.${field.name}: not in the schema`);
  return [
    ...extra,
    ...Object.entries(schema.shape).flatMap(([name, field]) =>
      disagreements(where ? `${where}.${name}` : name, field as z.ZodType, byName.get(name), required),
    ),
  ];
}

/** Every kind of file, its schema and its form. */
function kinds(fields = schemaFields(lists)) {
  const listOf = (schema: z.ZodType, field: CmsField) => disagreements("entries", schema, field, true);
  return {
    "information page": () => objectDisagreements("", informationPageSchema, fields.information, true),
    service: () => objectDisagreements("", serviceSchema(lists, noTables), fields.service, true),
    "question tool": () => objectDisagreements("", reckonerSchema, fields.reckoner, true),
    settings: () => objectDisagreements("", settingsSchema, fields.settings, true),
    glossary: () => listOf(glossarySchema, fields.glossary),
    "controlled list": () => listOf(controlledListSchema, fields.list),
  };
}

describe("the content editor's configuration", () => {
  for (const [kind, check] of Object.entries(kinds())) {
    it(`asks for every field of a ${kind} as the check does`, () => {
      expect(check()).toEqual([]);
    });
  }

  it("can fail: a form with a field not required, a choice missing, a length or a pattern changed is caught", () => {
    const fields = schemaFields(lists);
    const title = fields.information.find((field) => field.name === "title")!;
    title.required = false;
    title.pattern = ["^.{3,}$", "changed"];
    const categories = fields.service.find((field) => field.name === "categories")!;
    categories.options = categories.options!.slice(1);
    const ages = fields.service.find((field) => field.name === "ages")!;
    ages.fields!.find((field) => field.name === "max")!.max = 99;
    const id = fields.glossary.fields!.find((field) => field.name === "id")!;
    id.pattern = ["^.+$", "anything"];
    fields.settings = fields.settings.filter((field) => field.name !== "brandColour");
    const found = Object.values(kinds(fields)).flatMap((check) => check());
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^title: required is false/),
        expect.stringMatching(/^title: the form accepts "a{66}"/),
        expect.stringMatching(/^categories: offers other choices/),
        expect.stringMatching(/^ages\.max: allows 0\.\.99/),
        expect.stringMatching(/^entries\[\]\.id: the pattern leaves out/),
        "brandColour: not in the form",
      ]),
    );
  });

  it("offers the postcode's shape, which every sample service's postcode has and part of a postcode has not", async () => {
    const shape = new RegExp(FULL_POSTCODE_SHAPE);
    const postcode = schemaFields(lists)
      .service.find((field) => field.name === "location")!
      .fields!.find((field) => field.name === "postcode")!;
    expect(postcode.pattern?.[0]).toBe(FULL_POSTCODE_SHAPE);
    const { readdir, readFile } = await import("node:fs/promises");
    const files = (await readdir(path.join(contentDir, "services"))).filter((file) => file !== "index.md");
    for (const file of files) {
      const match = /^\s+postcode: (.+)$/m.exec(await readFile(path.join(contentDir, "services", file), "utf8"));
      if (match) expect(shape.test(match[1]!), file).toBe(true);
    }
    for (const partial of ["AL1", "AL1 3", "not a postcode", ""]) expect(shape.test(partial), partial).toBe(false);
  });

  it("has a collection for each section, the other pages, services, the glossary, the lists, the question tools and the settings, saving through pull requests", () => {
    const config = cmsConfig({
      contentFolder: "content",
      lists,
      sections: [{ folder: "sen-support", title: "SEN support" }],
      reckoners: [{ name: "support-at-school", title: "Support at school" }],
      repository: "council/local-offer",
      branch: "main",
      siteUrl: "https://localoffer.example",
    }) as { backend: Record<string, string>; publish_mode: string; local_backend?: unknown; collections: Array<Record<string, unknown>> };
    expect(config.publish_mode).toBe("editorial_workflow");
    expect(config.backend).toMatchObject({ name: "github", repo: "council/local-offer", branch: "main", base_url: "https://api.netlify.com" });
    // The deployed configuration has no local proxy; npm run edit's has.
    expect(config.local_backend).toBeUndefined();
    expect(config.collections.map((collection) => collection.name)).toEqual([
      "section-sen-support",
      "other-pages",
      "services",
      "glossary",
      "lists",
      "reckoners",
      "settings",
    ]);
    expect(config.collections[0]).toMatchObject({ folder: "content/sen-support", format: CMS_FORMATS.frontMatter, create: true });
    // Decap reads a format from the collection only: one on a file would be ignored, and a list
    // file read as Decap's own YAML would show no entries.
    for (const collection of config.collections) {
      expect(Object.values(CMS_FORMATS), collection.name as string).toContain(collection.format);
      for (const file of (collection.files as Array<Record<string, unknown>> | undefined) ?? []) expect(file.format, file.name as string).toBeUndefined();
    }
    expect(config.collections.find((collection) => collection.name === "glossary")?.format).toBe(CMS_FORMATS.yamlList);
    expect(config.collections[2]).toMatchObject({ folder: "content/services", format: CMS_FORMATS.service });
    expect(labelOf("lastReviewed")).toBe("Last reviewed");
  });
});
