// Text made safe to put in HTML, between tags or in a double-quoted attribute, for HTML the build
// writes itself rather than through Nunjucks, which escapes on its own.

/** The text with &, <, > and " written as character references. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
