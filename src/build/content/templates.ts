// Finds Nunjucks mistakes in a page body (an unclosed {% if %}, a {{ without }}) before the build
// meets them, and says on which line they start.
import nunjucks from "nunjucks";

const BLOCK_TAGS = new Set(["if", "for", "asyncEach", "asyncAll", "macro", "call", "filter", "block", "raw", "verbatim"]);

/** The line (1-based within the text) of the first opened-but-not-closed tag or output. */
function unclosedLine(text: string): number | undefined {
  const lineAt = (index: number) => (text.slice(0, index).match(/\n/g)?.length ?? 0) + 1;
  const stack: Array<{ tag: string; line: number }> = [];
  const pattern = /\{%-?\s*(\w+)|\{\{|\{#/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const closer = match[0].startsWith("{{") ? "}}" : match[0].startsWith("{#") ? "#}" : "%}";
    const end = text.indexOf(closer, pattern.lastIndex);
    if (end === -1) return lineAt(match.index);
    pattern.lastIndex = end + 2;
    const tag = match[1];
    if (!tag) continue;
    if (BLOCK_TAGS.has(tag) || (tag === "set" && !/=/.test(text.slice(match.index, end)))) stack.push({ tag, line: lineAt(match.index) });
    else if (tag.startsWith("end")) stack.pop();
  }
  return stack.at(-1)?.line;
}

export interface TemplateSyntaxError {
  /** 1-based within the checked text. */
  line: number;
  message: string;
}

function cleanMessage(error: unknown): { message: string; line?: number } {
  const raw = error instanceof Error ? error.message : String(error);
  const line = /\[Line (\d+), Column \d+\]/.exec(raw)?.[1];
  const message = raw
    .split("\n")
    .map((part) => part.trim())
    .filter((part) => part && !/^\(.*\)( \[Line \d+, Column \d+\])?$/.test(part))
    .join(" ")
    .replace(/^(parse\w+|Error): /i, "");
  return line ? { message, line: Number(line) } : { message };
}

const checker = new nunjucks.Environment();

/** Compiles the text as Nunjucks; returns where and why it fails, or undefined if it compiles. */
export function findTemplateSyntaxError(text: string): TemplateSyntaxError | undefined {
  if (!/\{[{%#]/.test(text)) return undefined;
  try {
    new nunjucks.Template(text, checker, "page", true);
    return undefined;
  } catch (error) {
    const { message, line } = cleanMessage(error);
    return { line: line ?? unclosedLine(text) ?? 1, message };
  }
}

