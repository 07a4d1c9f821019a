// Turns an Eleventy/Nunjucks failure into one line a developer can act on: the page being built, the
// layout and line where Nunjucks stopped, and the reason without a stack trace. Content is never a
// template (the content check stops template tags), so the mistake is in _includes/ or a plugin.
import path from "node:path";

/**
 * The error and the errors it wraps, outermost first: Eleventy keeps the error it caught as
 * `originalError`, Node and Nunjucks as `cause`.
 */
function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 20; current = (current as { originalError?: unknown }).originalError ?? current.cause) {
    chain.push(current);
  }
  return chain;
}

/** Where Nunjucks says it stopped: "(./_includes/layouts/page.njk) [Line 11, Column 40]". */
const NUNJUCKS_LOCATION = /\(([^()\n]+)\)(?: \[Line (\d+), Column \d+\])?/g;
/** A line of Nunjucks' message that only says where, not why. */
const NUNJUCKS_WHERE_ONLY = /^(Template render error: )?\([^()]+\)( \[Line \d+, Column \d+\])?$/;

/** A path as the developer would type it, from where they ran the build. */
const display = (file: string) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/");

/**
 * `inputPaths` are the build's templates as Eleventy names them ("./content/about.md"). Eleventy's
 * errors carry the page they stopped at only in their text, so the page is the template its messages
 * name, rather than a reading of Eleventy's wording.
 */
export function describeTemplateFailure(error: unknown, inputPaths: readonly string[]): string {
  const messages = errorChain(error).map((item) => item.message);
  const page = inputPaths.find((inputPath) => messages.some((message) => message.includes(inputPath)));

  // The innermost "(file) [Line N, Column M]" is where Nunjucks stopped.
  const deepest = messages.at(-1) ?? String(error);
  const located = [...deepest.matchAll(NUNJUCKS_LOCATION)].reverse().find((match) => match[2]);
  const reason =
    deepest
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !NUNJUCKS_WHERE_ONLY.test(line) && !line.startsWith("at "))
      .at(-1)
      ?.replace(/^(Error|Template render error): /, "") ?? "the template could not be built";

  if (!page) return `template error: ${reason} (run with DEBUG=1 for the full error)`;
  if (located?.[1] && located[2]) return `${display(page)}: template error in ${display(located[1])} line ${located[2]}: ${reason}`;
  return `${display(page)}: template error: ${reason}`;
}
