// Where each content file sits in the site: its kind and its address. Eleventy's collections and
// the checks both use these, so a page's URL is worked out in one place.
import { FEED_ROOT } from "../open-referral/feed.ts";
import { FORM_SENT_FOLDER } from "../lib/forms/site-forms.ts";

export type ContentKind = "information" | "service";

/** relPath is relative to content/, with forward slashes, e.g. "services/play-day.md". */
export function kindOf(relPath: string): ContentKind {
  return /^services\/[^/]+\.md$/.test(relPath) && relPath !== "services/index.md" ? "service" : "information";
}

/** Pages with a layout of their own, by file; other information pages use layouts/page.njk. */
const LAYOUT_BY_FILE: Readonly<Record<string, string>> = {
  "index.md": "home",
  "a-to-z.md": "a-to-z",
  "cookies.md": "cookies",
  "ehc-plans/write-your-request.md": "assessment-request",
  "glossary.md": "glossary",
  "offline.md": "offline",
  "saved-pages.md": "saved-pages",
  "search.md": "search",
  "services/index.md": "directory",
};

/** The folder of pages the service worker shows without a connection, which search engines skip. */
const OFFLINE_FALLBACK_FOLDER = "offline/";

/**
 * A page's layout, chosen by where its file is: content is data, so it may not name a layout
 * (front matter has no layout field, and folders have no data files).
 */
export function layoutOf(relPath: string): string {
  if (kindOf(relPath) === "service") return "layouts/service.njk";
  if (relPath.startsWith(OFFLINE_FALLBACK_FOLDER)) return "layouts/offline-fallback.njk";
  return `layouts/${LAYOUT_BY_FILE[relPath] ?? "page"}.njk`;
}

/** Whether search engines, the site's search and the A to Z leave the page out. */
export function isUnlisted(relPath: string): boolean {
  return relPath.startsWith(OFFLINE_FALLBACK_FOLDER);
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

/**
 * Folders the build writes itself: its scripts and styles, the postcode files, the question tools'
 * pages, the category pages, the Open Referral feed and the pages the forms end on. Content may not
 * put a page or a file in them, as one of the two would be lost.
 */
export const RESERVED_FOLDERS = ["/assets/", "/postcodes/", "/reckoners/", "/services/category/", FEED_ROOT, FORM_SENT_FOLDER] as const;

/** The reserved folder an address on the site is in, if any. */
export function reservedFolderOf(sitePath: string): string | undefined {
  return RESERVED_FOLDERS.find((folder) => sitePath.startsWith(folder));
}

/** The page whose layout lists the glossary, one entry per id. */
export const GLOSSARY_URL = "/glossary/";

/** Ids every page's layout provides, which links may point at: the main content, and "Is this page useful?". */
export const LAYOUT_IDS = ["main-content", "feedback"] as const;
