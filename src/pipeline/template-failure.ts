// Turns an Eleventy/Nunjucks failure into one line a developer can act on: the page being built, the
// layout and line where Nunjucks stopped, and the reason without a stack trace. Content is never a
// template (the content check stops template tags), so the mistake is in _includes/ or a plugin.
import path from "node:path";

function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 20; current = (current as { originalError?: unknown }).originalError ?? current.cause) {
    chain.push(current);
  }
  return chain;
}

/** Eleventy names files relative to the working directory, e.g. ./content/x.md. */
export function describeTemplateFailure(error: unknown): string {
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
  if (located?.[1] && located[2]) return `${where}: template error in ${display(located[1])} line ${located[2]}: ${reason}`;
  return `${where}: template error: ${reason}`;
}
