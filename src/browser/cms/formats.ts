// How the content editor reads and writes the content's files. Decap's own formats write every
// file afresh: comments go, `[a, b]` becomes a list of lines, and a pull request that changes one
// field shows the whole front matter changed. These keep the file as it was and change only the
// fields the editor changed, so a reviewer sees what changed and the comments in the YAML files
// stay. Pure: the tests run them in Node.
import { type Document, isMap, isSeq, parse, parseDocument, Scalar, visit, type YAMLMap, type YAMLSeq } from "yaml";
import { LIST_ENTRIES_FIELD, SERVICE_MARKER } from "../../lib/cms.ts";

/** Where an entry keeps the text it was read from, so its unchanged parts can be written back as they were. */
export const SOURCE_FIELD = "__source";

type Data = Record<string, unknown>;

/** Decap's custom format: read a file's text into fields, and write fields back into text. */
export interface CmsFormat {
  fromFile(text: string): Data;
  toFile(data: Data, sortedKeys?: string[]): string;
}

/** Whether two values read from YAML are the same. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A value without what a form leaves behind when a field is cleared: empty text, empty lists and
 * groups with nothing in them. The check would refuse them (an optional field is left out, not empty).
 */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, withoutEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || value === "") return undefined;
  return value;
}

/**
 * Puts `value` into the collection `node` holds, keeping every item whose value is unchanged as
 * it was written (its comments, quotes and flow style), and writing the rest in the style of the
 * collection they are in.
 */
function update(doc: Document, node: YAMLMap | YAMLSeq, value: Data | unknown[], order: readonly string[] = []): void {
  if (isSeq(node) && Array.isArray(value)) {
    value.forEach((item, index) => {
      const old = node.items[index];
      if (same((old as { toJSON?: () => unknown })?.toJSON?.() ?? old, item)) return;
      if ((isMap(old) && isPlainObject(item)) || (isSeq(old) && Array.isArray(item))) update(doc, old, item as Data);
      else node.items[index] = styled(doc, item, node.flow);
    });
    node.items.length = value.length;
    return;
  }
  if (isMap(node) && isPlainObject(value)) {
    for (const key of node.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key))) if (!(key in value)) node.delete(key);
    const keys = Object.keys(value).sort((a, b) => rank(order, a) - rank(order, b));
    for (const key of keys) {
      const old = node.get(key, true);
      const item = value[key];
      if (old !== undefined && same((old as { toJSON?: () => unknown }).toJSON?.() ?? old, item)) continue;
      if ((isMap(old) && isPlainObject(item)) || (isSeq(old) && Array.isArray(item))) update(doc, old, item as Data);
      else node.set(key, styled(doc, item, (old as { flow?: boolean } | undefined)?.flow ?? node.flow));
    }
  }
}

/** The fields in the form's order. */
const inOrder = (value: Data, order: readonly string[]) => Object.fromEntries(Object.entries(value).sort(([a], [b]) => rank(order, a) - rank(order, b)));

const isPlainObject = (value: unknown): value is Data => value !== null && typeof value === "object" && !Array.isArray(value);

/** A key's place in the form's order; keys the form does not know go last. */
const rank = (order: readonly string[], key: string) => (order.includes(key) ? order.indexOf(key) : order.length);

/** ISO dates stay unquoted, as editors write them; both readers of the content accept them so. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new value's node, in the style of the collection it goes into. Text that YAML 1.1 would read
 * as something else is quoted: Eleventy reads front matter with a YAML 1.1 parser (gray-matter),
 * which takes an unquoted 09:30 for a number of minutes and yes for true.
 */
function styled(doc: Document, value: unknown, flow: boolean | undefined) {
  const node = doc.createNode(value);
  if (flow && (isMap(node) || isSeq(node))) node.flow = true;
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === "string" && !ISO_DATE.test(scalar.value) && parse(scalar.value, { version: "1.1" }) !== scalar.value) {
        scalar.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return node;
}

/** The YAML text for `value`, written into `source` so that what did not change stays as it was. */
function yamlKeeping(source: string | undefined, value: Data | unknown[], order: readonly string[] = []): string {
  const doc = parseDocument(source ?? "");
  const root = doc.contents;
  if ((Array.isArray(value) && isSeq(root)) || (!Array.isArray(value) && isMap(root))) update(doc, root, value, order);
  else doc.contents = styled(doc, Array.isArray(value) ? value : inOrder(value, order), false) as typeof doc.contents;
  return doc.toString({ lineWidth: 0 });
}

/** The fields a form gives back, without the ones the format added when it read the file. */
function fieldsOnly(data: Data): Data {
  const { [SOURCE_FIELD]: _source, [SERVICE_MARKER]: _marker, ...fields } = data;
  return fields;
}

/** A file of front matter and Markdown, as content pages and services are. */
export function frontMatterFormat(marksServices = false): CmsFormat {
  return {
    fromFile(text) {
      const match = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
      const yamlText = match?.[1] ?? "";
      const data = (parseDocument(yamlText).toJS() ?? {}) as Data;
      const fields: Data = { ...data, body: match?.[2] ?? text, [SOURCE_FIELD]: yamlText };
      // Only services have categories: the directory's own page, services/index.md, has none.
      if (marksServices) fields[SERVICE_MARKER] = Array.isArray(data.categories);
      return fields;
    },
    toFile(data, sortedKeys = []) {
      const { body, ...frontMatter } = fieldsOnly(data);
      const kept = (withoutEmpty(frontMatter) ?? {}) as Data;
      const text = typeof body === "string" ? body.replace(/^\n+/, "") : "";
      return `---\n${yamlKeeping(data[SOURCE_FIELD] as string | undefined, kept, sortedKeys)}---\n${text}${text.endsWith("\n") || text === "" ? "" : "\n"}`;
    },
  };
}

/** A YAML file whose top is a group of fields (settings, a question tool). */
export const yamlObjectFormat: CmsFormat = {
  fromFile(text) {
    return { ...((parseDocument(text).toJS() ?? {}) as Data), [SOURCE_FIELD]: text };
  },
  toFile(data, sortedKeys = []) {
    return yamlKeeping(data[SOURCE_FIELD] as string | undefined, (withoutEmpty(fieldsOnly(data)) ?? {}) as Data, sortedKeys);
  },
};

/** A YAML file whose top is a list (the glossary, a controlled list), edited as one list field. */
export const yamlListFormat: CmsFormat = {
  fromFile(text) {
    const list = parseDocument(text).toJS();
    return { [LIST_ENTRIES_FIELD]: Array.isArray(list) ? list : [], [SOURCE_FIELD]: text };
  },
  toFile(data) {
    const entries = withoutEmpty(data[LIST_ENTRIES_FIELD]) ?? [];
    return yamlKeeping(data[SOURCE_FIELD] as string | undefined, entries as unknown[]);
  },
};
