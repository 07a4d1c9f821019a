// A service file's text from its front matter and body, written the same way every time, so that
// importing an unchanged record gives the same bytes and nothing is written.
import { Document, isCollection, isScalar, visit } from "yaml";

/** Fields of ids and short words, and the ages, written on one line as editors write them: `needs: [autism]`. */
const ONE_LINE_FIELDS = new Set(["categories", "needs", "ages", "howToAccess", "languages", "accessibility", "days"]);

/**
 * YAML 1.1 quoting, so that js-yaml in Eleventy reads every value as the yaml package does in the
 * content check (a time such as 12:30 or a date is quoted, not turned into a number or a Date).
 */
export function serviceFileText(frontMatter: Record<string, unknown>, body: string): string {
  const document = new Document(frontMatter, { version: "1.1" });
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && ONE_LINE_FIELDS.has(String(pair.key.value)) && isCollection(pair.value)) pair.value.flow = true;
    },
  });
  const yamlText = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yamlText}---\n\n${body.trim()}\n`;
}
