// How links inside the site are read, the same way for content checks and for the built HTML.

/** True for links that leave the site (https:, mailto:, tel:, //host). */
export function isExternal(href: string): boolean {
  return /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href);
}

/** The site path and #fragment an internal href points at, read from the page at fromUrl. */
export function resolveHref(href: string, fromUrl: string): { path: string; fragment: string } {
  const resolved = new URL(href, `https://site.invalid${fromUrl}`);
  return { path: decodeURI(resolved.pathname), fragment: decodeURIComponent(resolved.hash.slice(1)) };
}
