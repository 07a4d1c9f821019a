// A table wider than a phone scrolls inside a box of its own, not the whole page (WCAG 1.4.10
// Reflow). The box is a labelled region in the tab order, so keyboard users can scroll it too.
const HEADING_OR_TABLE = /<h[2-6]\b[^>]*>([\s\S]*?)<\/h[2-6]>|<table\b[\s\S]*?<\/table>/g;

/** The label for a table's region: its caption, or else the heading it comes under. */
function tableLabel(table: string, heading: string | undefined): string {
  const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1];
  const words = (caption ?? heading ?? "")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return words ? `Table: ${words}` : "Table";
}

/**
 * A page body's HTML with each table in a scrolling region. The HTML is markdown-it's or the
 * sanitiser's, so well formed, with text already escaped; a table holding another is left as it is.
 */
export function tableRegions(html: string): string {
  let heading: string | undefined;
  return html.replace(HEADING_OR_TABLE, (found, headingText: string | undefined) => {
    if (headingText !== undefined) {
      heading = headingText;
      return found;
    }
    if (found.lastIndexOf("<table") > 0) return found;
    return `<div class="app-table-region" role="region" aria-label="${tableLabel(found, heading)}" tabindex="0">${found}</div>`;
  });
}
