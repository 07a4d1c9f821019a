// Links in the downloadable copy, which opens from disk with no server: "/sen-support/" seen from
// /ehc-plans/timescales/ becomes "../../sen-support/index.html".

/** The file a site address is served from: a folder's index.html, or the file itself. */
export function fileOf(sitePath: string): string {
  return sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
}

/** A relative link from one site page (by its address) to a file of the site. */
export function relativeLink(fromPage: string, toFile: string): string {
  const from = fromPage.split("/").slice(1, -1);
  const to = toFile.split("/").slice(1);
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared += 1;
  return [...Array<string>(from.length - shared).fill(".."), ...to.slice(shared)].join("/");
}
