// How the content editor reads and writes the content's files. Decap's own formats write every
// file afresh: comments go, `[a, b]` becomes a list of lines, and a pull request that changes one
// field shows the whole front matter changed. These keep the file as it was and change only the
// fields the editor changed, so a reviewer sees what changed and the comments in the YAML files
// stay. Pure: the tests run them in Node.
import { Document, isMap, isScalar, isSeq, parse, parseDocument, Scalar, visit, type YAMLMap, type YAMLSeq } from "yaml";
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
      else if (isScalar(old) && !isCollection(item)) setScalar(old, item);
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
      else if (isScalar(old) && !isCollection(item)) setScalar(old, item);
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

const isCollection = (value: unknown) => value !== null && typeof value === "object";

/** Whether Eleventy's YAML 1.1 reader would read this text, unquoted, as something else. */
const misreadUnquoted = (value: unknown) => typeof value === "string" && !ISO_DATE.test(value) && parse(value, { version: "1.1" }) !== value;

/** A changed value in place of an old one, in the old one's quotes, quoted if it must be. */
function setScalar(scalar: Scalar, value: unknown): void {
  scalar.value = value;
  if (scalar.type === Scalar.PLAIN && misreadUnquoted(value)) scalar.type = Scalar.QUOTE_DOUBLE;
}

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
      if (misreadUnquoted(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return node;
}

/** A top-level item of a YAML file: its text, from its first line to the line before the next item's. */
interface Part {
  key: string;
  text: string;
  node: unknown;
}

/** Splits a file into what comes before its first item and each top-level item's lines, as written. */
function partsOf(source: string, doc: Document): { head: string; parts: Part[] } | undefined {
  const root = doc.contents;
  if (!isMap(root) && !isSeq(root)) return undefined;
  const lineStart = (offset: number) => source.lastIndexOf("\n", offset - 1) + 1;
  const items = root.items.map((item, index) => {
    const node = (isMap(root) ? (item as { key: { range?: number[] } }).key : item) as { range?: number[] };
    const key = isMap(root) ? String((item as { key: { value?: unknown } }).key?.value) : String(index);
    return { key, start: lineStart(node.range?.[0] ?? 0), node: isMap(root) ? item : item };
  });
  if (items.length === 0) return undefined;
  const parts = items.map((item, index) => ({ key: item.key, text: source.slice(item.start, items[index + 1]?.start ?? source.length), node: item.node }));
  return { head: source.slice(0, items[0]!.start), parts };
}

/**
 * One top-level item written anew: a changed pair keeps the nodes of its unchanged parts (and the
 * flow style of [a, b] and { min: 0 }), in the spacing the file uses inside brackets.
 */
function partText(key: string, value: unknown, old: Part | undefined, isList: boolean): string {
  const doc = new Document();
  const padded = old ? /[[{] /.test(old.text) : false;
  if (isList) {
    const seq = doc.createNode([]) as YAMLSeq;
    const oldItem = old?.node;
    if ((isMap(oldItem) && isPlainObject(value)) || (isSeq(oldItem) && Array.isArray(value))) {
      update(doc, oldItem, value as Data);
      seq.items.push(oldItem);
    } else seq.items.push(styled(doc, value, false));
    doc.contents = seq;
  } else {
    const map = doc.createNode({}) as YAMLMap;
    const oldPair = old?.node as { value?: unknown } | undefined;
    const oldValue = oldPair?.value;
    if ((isMap(oldValue) && isPlainObject(value)) || (isSeq(oldValue) && Array.isArray(value))) {
      update(doc, oldValue, value as Data);
      map.set(key, oldValue);
    } else map.set(key, styled(doc, value, (oldValue as { flow?: boolean } | undefined)?.flow));
    doc.contents = map;
  }
  return `${doc.toString({ lineWidth: 0, flowCollectionPadding: padded })}${old ? trailingComments(old.text) : ""}`;
}

/** The comment and blank lines that end an item's text: they introduce the item after it, so they stay. */
function trailingComments(text: string): string {
  const lines = text.replace(/\n$/, "").split("\n");
  let from = lines.length;
  while (from > 1 && /^\s*(#.*)?$/.test(lines[from - 1]!)) from -= 1;
  return lines
    .slice(from)
    .map((line) => `${line}\n`)
    .join("");
}

/**
 * The YAML text for `value`, written into `source` so that what did not change stays as it was,
 * byte for byte: each unchanged top-level item keeps its lines, comments and all.
 */
function yamlKeeping(source: string | undefined, value: Data | unknown[], order: readonly string[] = []): string {
  const isList = Array.isArray(value);
  const doc = parseDocument(source ?? "");
  const split = source ? partsOf(source, doc) : undefined;
  if (!split || isList !== isSeq(doc.contents)) {
    const fresh = new Document();
    fresh.contents = styled(fresh, isList ? value : inOrder(value, order), false) as typeof fresh.contents;
    return fresh.toString({ lineWidth: 0, flowCollectionPadding: false });
  }
  const oldByKey = new Map(split.parts.map((part) => [part.key, part]));
  const entries: Array<[string, unknown]> = isList ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  // Existing items stay where they are; a new field goes after the last field that comes before it in the form.
  const keys = split.parts.map((part) => part.key).filter((key) => entries.some(([entry]) => entry === key));
  for (const [key] of entries) {
    if (keys.includes(key)) continue;
    const before = keys.filter((existing) => rank(order, existing) <= rank(order, key));
    keys.splice(isList ? keys.length : before.length ? keys.indexOf(before[before.length - 1]!) + 1 : 0, 0, key);
  }
  const values = new Map(entries);
  const text = keys.map((key) => {
    const old = oldByKey.get(key);
    const item = values.get(key);
    const oldValue = old && (isList ? old.node : (old.node as { value?: unknown }).value);
    const unchanged = old && same((oldValue as { toJSON?: () => unknown } | undefined)?.toJSON?.() ?? oldValue, item);
    return unchanged ? old.text : partText(key, item, old, isList);
  });
  const joined = text.map((part) => (part.endsWith("\n") ? part : `${part}\n`)).join("");
  return `${split.head}${joined}`;
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
