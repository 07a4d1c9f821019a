// Reads a content file the way Eleventy will (gray-matter), keeping what is needed to point an
// editor at the right line: where the body starts and where each front matter field is.
import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from "yaml";
import { readContentFile } from "./content-files.ts";
import type { ContentProblem } from "./problems.ts";

export interface ContentSource {
  /** Relative to the project root, e.g. "content/sen-support/x.md". */
  file: string;
  /** Relative to content/, e.g. "sen-support/x.md". */
  relPath: string;
  /** The front matter as the YAML 1.2 text it is, dates left as the editor typed them. */
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyStartLine: number;
  lineOf(path: ReadonlyArray<PropertyKey>): number;
}

const FENCE = /^---\s*$/;

/**
 * Reads a file. Problems with the front matter come back beside the source, whose data is then
 * empty but whose body is still there, so the page's links and address can still be checked.
 */
export async function readSource(absolutePath: string, file: string, relPath: string): Promise<{ source?: ContentSource; problems: ContentProblem[] }> {
  return sourceFromText(await readContentFile(absolutePath), file, relPath);
}

/** readSource for a file's text already read. */
export function sourceFromText(fileText: string, file: string, relPath: string): { source?: ContentSource; problems: ContentProblem[] } {
  const text = fileText.replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) {
    return {
      problems: [
        { file, line: 1, message: "no front matter (expected the file to start with a line of three dashes ---, then fields such as title:, then ---)" },
      ],
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return { problems: [{ file, line: 1, message: "the front matter is never closed (expected a second line of three dashes --- after the fields)" }] };
  }

  const yamlText = lines.slice(1, closing).join("\n");
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const converted = document.errors.length === 0 ? documentValue(document) : { value: {} };
  const data = "value" in converted ? (converted.value ?? {}) : {};
  const source: ContentSource = {
    file,
    relPath,
    data: typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body: lines.slice(closing + 1).join("\n"),
    bodyStartLine: closing + 2,
    // The YAML starts on the file's second line; a field that is missing points at the opening ---.
    lineOf: (path) => lineOfPath(document, lineCounter, path) + 1,
  };

  if ("tooManyAliases" in converted) return { source, problems: [{ file, line: 2, message: TOO_MANY_ALIASES }] };
  const firstError = document.errors[0];
  if (firstError) {
    let line = lineCounter.linePos(firstError.pos[0]).line + 1;
    // An unclosed [ or { is noticed on a later line; point at the line that opened it.
    if (/^Flow (sequence|mapping)/.test(firstError.message)) {
      const opener = lines.slice(1, line).findLastIndex((text) => (text.match(/[[{]/g)?.length ?? 0) > (text.match(/[\]}]/g)?.length ?? 0));
      if (opener !== -1) line = opener + 2;
    }
    const reason = firstError.code === "DUPLICATE_KEY" ? "a field appears twice" : firstError.message.split("\n")[0];
    const expected =
      firstError.code === "DUPLICATE_KEY" ? "each field once" : '"field: value" lines; put text that has a colon, or starts with [ or {, in quotes';
    return { source, problems: [{ file, line, message: `front matter is not valid YAML: ${reason} (expected ${expected})` }] };
  }
  // gray-matter (js-yaml) is what Eleventy uses; if it cannot parse the file, the build cannot either.
  // The yaml package above points closer to the mistake, so it speaks first.
  try {
    matter(text, { excerpt: false });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = ((error as { reason?: string }).reason ?? "the YAML cannot be read").replace(/\s+/g, " ");
    return {
      source,
      problems: [
        {
          file,
          line: (mark?.line ?? 0) + 2,
          message: `front matter is not valid YAML: ${reason} (expected "field: value" lines; put text with a colon in quotes)`,
        },
      ],
    };
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    return { source, problems: [{ file, line: 2, message: 'front matter is not a list of fields (expected "field: value" lines)' }] };
  }
  return { source, problems: [] };
}

/** 1-based line of a YAML path within the YAML text, falling back to the nearest parent; 0 if none. */
function lineOfPath(document: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>): number {
  let node: Node | null | undefined = document.contents as Node | null;
  let line = 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = lineCounter.linePos(keyNode.range[0]).line;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

const TOO_MANY_ALIASES = "the YAML repeats its aliases (*name) too often to be read (expected each value written out, or fewer than 100 uses of aliases)";

/**
 * A YAML document's value. The yaml package refuses to expand aliases past a limit, which is how a
 * few lines of "billion laughs" would otherwise fill the build's memory.
 */
function documentValue(document: Document): { value: unknown } | { tooManyAliases: true } {
  try {
    return { value: document.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    if (error instanceof ReferenceError) return { tooManyAliases: true };
    throw error;
  }
}

/** Reads a YAML data file (content/_data/*.yaml) with line positions. */
export async function readYamlData(
  absolutePath: string,
  file: string,
): Promise<{ data: unknown; lineOf(path: ReadonlyArray<PropertyKey>): number } | ContentProblem[]> {
  const text = await readContentFile(absolutePath);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const firstError = document.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    return [{ file, line, message: `not valid YAML: ${firstError.message.split("\n")[0]}` }];
  }
  const converted = documentValue(document);
  if ("tooManyAliases" in converted) return [{ file, line: 1, message: TOO_MANY_ALIASES }];
  return { data: converted.value, lineOf: (path) => Math.max(1, lineOfPath(document, lineCounter, path)) };
}
