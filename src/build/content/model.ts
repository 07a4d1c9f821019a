// Where each content file sits in the site: its kind and its address. Eleventy's collections and
// the checks both use these, so a page's URL is worked out in one place.

export type ContentKind = "information" | "service";

/** relPath is relative to content/, with forward slashes, e.g. "services/play-day.md". */
export function kindOf(relPath: string): ContentKind {
  return /^services\/[^/]+\.md$/.test(relPath) && relPath !== "services/index.md" ? "service" : "information";
}

export function defaultUrlOf(relPath: string): string {
  const stem = relPath.replace(/\.md$/, "");
  if (stem === "index") return "/";
  return `/${stem.replace(/\/index$/, "")}/`;
}

export function urlOf(relPath: string, permalink?: unknown): string {
  return typeof permalink === "string" && permalink.startsWith("/") ? permalink : defaultUrlOf(relPath);
}

/** The section a page belongs to ("sen-support"), or undefined for top-level pages. */
export function sectionOf(relPath: string): string | undefined {
  const parts = relPath.split("/");
  return parts.length > 1 ? parts[0] : undefined;
}

export function categoryUrl(categoryId: string): string {
  return `/services/category/${categoryId}/`;
}

/** The page whose layout lists the glossary, one entry per id. */
export const GLOSSARY_URL = "/glossary/";

/** Ids every page's layout provides, which links may point at. */
export const LAYOUT_IDS = ["main-content"] as const;
