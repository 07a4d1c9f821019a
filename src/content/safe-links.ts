// The links editors may write, in Markdown, raw HTML, ready reckoner cards and service details: an
// address on this site from its root, a #heading on the same page, or a web, email or phone address.
// Not `//host` or `/\host` (which browsers read as another site), nor javascript:, data: or file:.

/** An address on this site from its root: one slash, then no backslashes, spaces or control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const SITE_ADDRESS = /^\/(?![/\\])[^\\\s\u0000-\u001f\u007f]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const FRAGMENT = /^#[^\\\s\u0000-\u001f\u007f]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const OTHER_SITE = /^(?:https?:\/\/|mailto:|tel:)[^\\\s\u0000-\u001f\u007f]+$/i;

/** What the messages say editors may write. */
export const ALLOWED_LINKS =
  "an address on this site starting with a single / (such as /sen-support/), a #heading on the page, or an address starting https://, http://, mailto: or tel:";

/** Whether a root-relative address on this site, such as /sen-support/ (not //host). */
export function isSiteAddress(href: string): boolean {
  return SITE_ADDRESS.test(href);
}

/** Whether editors may link to href. */
export function isAllowedLink(href: string): boolean {
  return SITE_ADDRESS.test(href) || FRAGMENT.test(href) || OTHER_SITE.test(href);
}
