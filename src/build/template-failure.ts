// Turns an Eleventy/Nunjucks failure into one line an editor can act on: the content file, the
// line when the mistake is in that file, and the reason without a stack trace.
import { readFile } from "node:fs/promises";
import path from "node:path";

function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 20; current = (current as { originalError?: unknown }).originalError ?? current.cause) {
    chain.push(current);
  }
  return chain;
}

async function bodyStartLine(file: string): Promise<number> {
  const lines = (await readFile(file, "utf8")).split(/\r?\n/);
  if (!/^---\s*$/.test(lines[0] ?? "")) return 1;
  const closing = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  return closing === -1 ? 1 : closing + 2;
}

/** Eleventy names files relative to the working directory, e.g. ./content/x.md. */
export async function describeTemplateFailure(error: unknown): Promise<string> {
  const chain = errorChain(error);
  const messages = chain.map((item) => item.message);
  const display = (file: string) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/");

  const contentFile = messages.map((message) => /from "(.+?)"|template file "?(.+?\.(?:md|njk))"?|(?:for|template) (\.\/\S+\.(?:md|njk))/.exec(message)).find(Boolean);
  const sourceFile = contentFile ? (contentFile[1] ?? contentFile[2] ?? contentFile[3]) : undefined;

  // The innermost "(file) [Line N, Column M]" is where Nunjucks stopped.
  const deepest = messages.at(-1) ?? String(error);
  const locations = [...deepest.matchAll(/\(([^()\n]+)\)(?: \[Line (\d+), Column \d+\])?/g)];
  const located = locations.reverse().find((match) => match[2]);
  const reason =
    deepest
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !/^(Template render error: )?\([^()]+\)( \[Line \d+, Column \d+\])?$/.test(line) && !line.startsWith("at "))
      .at(-1)
      ?.replace(/^(Error|Template render error): /, "") ?? "the template could not be built";

  if (!sourceFile) return `template error: ${reason} (run with DEBUG=1 for the full error)`;
  const where = display(sourceFile);
  if (located?.[1] && located[2]) {
    const locatedFile = located[1];
    const line = Number(located[2]);
    if (path.resolve(locatedFile) === path.resolve(sourceFile)) {
      const offset = sourceFile.endsWith(".md") ? (await bodyStartLine(path.resolve(sourceFile))) - 1 : 0;
      return `${where}:${line + offset}: template error: ${reason}`;
    }
    return `${where}: template error in ${display(locatedFile)} line ${line}: ${reason}`;
  }
  // Nunjucks gives no line for some mistakes (an unknown filter); find the name it complains about.
  const name = /filter not found: (\S+)|Unable to call `([^`]+)`/.exec(reason);
  const wanted = name?.[1] ?? name?.[2];
  if (wanted && sourceFile.endsWith(".md")) {
    const file = path.resolve(sourceFile);
    const lines = (await readFile(file, "utf8")).split(/\r?\n/);
    const start = (await bodyStartLine(file)) - 1;
    const index = lines.findIndex((text, line) => line >= start && text.includes(wanted));
    if (index !== -1) return `${where}:${index + 1}: template error: ${reason}`;
  }
  return `${where}: template error: ${reason}`;
}
