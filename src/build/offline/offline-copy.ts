// The whole Local Offer as a zip that opens from disk with no server: every page with relative
// links to index.html files, the CSS, the images and documents, and search, whose index and
// script are rewritten as classic script files (browsers fetch nothing and run no module scripts
// from disk). Features that need the online site (saving, cookies, services near you) have no
// script in the copy, so they stay hidden, and every page says what needs the online site.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { zipSync } from "fflate";
import { checkBuiltLinks } from "../built-links.ts";
import { classicScript } from "../classic-script.ts";
import { listFiles } from "../content/files.ts";
import { readableDate } from "../eleventy/templates.ts";
import { OFFLINE_FALLBACK_URL, WORKER_URL } from "../../lib/offline/offline-cache.ts";
import { fileOf, relativeLink } from "../../lib/offline/relative-url.ts";

/** Where the zip is on the site, and the page that offers it. */
export const OFFLINE_ZIP_URL = "/offline/local-offer.zip";
export const OFFLINE_PAGE_URL = "/offline/";

export interface OfflineCopySettings {
  siteName: string;
  baseUrl: string;
}

export interface OfflineCopy {
  /** Broken links in the copy, as the site's link check reports them. */
  problems: string[];
  bytes: number;
  files: number;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Only what the copy needs: module scripts and the online features' data stay behind. */
function kept(file: string): boolean {
  if (file === OFFLINE_ZIP_URL || file === WORKER_URL || file === `${OFFLINE_FALLBACK_URL}index.html`) return false;
  if (file.endsWith(".json")) return file.startsWith("/search/");
  return !(file.startsWith("/assets/") && file.endsWith(".js"));
}

/** A page of the copy: relative links to what the copy has, the live site's address for the rest. */
function offlinePage(html: string, file: string, has: (file: string) => boolean, settings: OfflineCopySettings, notice: string, siteUrl?: string): string {
  const pageUrl = file.replace(/index\.html$/, "");
  // Root-relative addresses, and those written in full to where the site is served; not the canonical link.
  const servedFrom = siteUrl ? `(?:${siteUrl.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")})?` : "";
  const address = new RegExp(`(?<!rel="canonical")\\s(href|src|action)="${servedFrom}(\\/(?!\\/)[^"#?]*)([?][^"#]*)?(#[^"]*)?"`, "g");
  return html
    .replace(/<script type="module"[^>]*><\/script>\s*/g, "")
    .replace(address, (_whole, attribute: string, target: string, query = "", fragment = "") => {
      const targetFile = fileOf(target);
      const local = has(targetFile) ? targetFile : has(`${targetFile}/index.html`) ? `${targetFile}/index.html` : undefined;
      const href = local ? `${relativeLink(pageUrl, local)}${query}${fragment}` : `${settings.baseUrl}${target}${query}${fragment}`;
      return ` ${attribute}="${href}"`;
    })
    .replace(/(<main class="govuk-main-wrapper" id="main-content">)/, `$1\n${notice}`);
}

/** Builds the copy from a built site and writes the zip into it; returns its size and any broken links. */
export async function writeOfflineCopy(siteDir: string, settings: OfflineCopySettings, made: Date, siteUrl?: string): Promise<OfflineCopy> {
  const files = (await listFiles(siteDir)).map((file) => `/${file}`).filter(kept);
  const present = new Set(files);
  const has = (file: string) => present.has(file);
  const date = readableDate(made);
  const notice = `<div class="govuk-inset-text app-offline-notice">This is a copy of the ${escapeHtml(settings.siteName)} for reading without an internet connection, made on ${date}. Check the <a class="govuk-link" href="${escapeHtml(settings.baseUrl)}/">online site</a> for the latest version. Saving pages, finding services near you and remembering your answers in question tools need the online site.</div>`;

  const copy: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  const searchScript = "/assets/offline-search.js";
  for (const file of files) {
    const contents = await readFile(path.join(siteDir, file));
    if (file.endsWith(".html")) {
      let html = offlinePage(contents.toString("utf8"), file, has, settings, notice, siteUrl);
      if (file === "/search/index.html") html = html.replace("</body>", `<script src="${relativeLink("/search/", searchScript)}"></script>\n</body>`);
      copy[file] = encoder.encode(html);
    } else if (file.endsWith(".json")) {
      const name = file.slice("/search/".length);
      copy[file.replace(/\.json$/, ".js")] = encoder.encode(`localOfferSearch.receive(${JSON.stringify(name)},${contents.toString("utf8")});\n`);
    } else {
      copy[file] = contents;
    }
  }
  copy[searchScript] = await classicScript("offline/offline-search.ts");

  // The copy gets the same link check as the site, on disk, before it is zipped.
  const checkDir = `${siteDir}.offline-check`;
  await rm(checkDir, { recursive: true, force: true });
  try {
    for (const [file, contents] of Object.entries(copy)) {
      await mkdir(path.dirname(path.join(checkDir, file)), { recursive: true });
      await writeFile(path.join(checkDir, file), contents);
    }
    const problems = await checkBuiltLinks(checkDir);
    if (problems.length > 0) return { problems, bytes: 0, files: 0 };
  } finally {
    await rm(checkDir, { recursive: true, force: true });
  }

  // One folder inside the zip, so unzipping makes a folder rather than scattering files.
  const folder = "local-offer";
  const zipped = zipSync(Object.fromEntries(Object.entries(copy).map(([file, contents]) => [`${folder}${file}`, contents])), { level: 9, mtime: made });
  await mkdir(path.dirname(path.join(siteDir, OFFLINE_ZIP_URL)), { recursive: true });
  await writeFile(path.join(siteDir, OFFLINE_ZIP_URL), zipped);
  return { problems: [], bytes: zipped.length, files: Object.keys(copy).length };
}
