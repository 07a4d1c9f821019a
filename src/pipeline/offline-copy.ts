// The whole Local Offer as a zip that opens from disk with no server: every page with relative
// links to index.html files, the CSS, the images and documents, and search, whose index and
// script are rewritten as classic script files (browsers fetch nothing and run no module scripts
// from disk). Features that need the online site (saving, cookies, services near you) have no
// script in the copy, so they stay hidden, and every page says what needs the online site.
import { createWriteStream, readFileSync } from "node:fs";
import { once } from "node:events";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";
import { LinkCheck, type HtmlFacts } from "./link-check.ts";
import { HEADERS_FILE_URL } from "../server/netlify-headers.ts";
import { contentSecurityPolicy } from "./security-headers.ts";
import { classicScript } from "./classic-script.ts";
import { readableDate } from "../eleventy/template-engines.ts";
import type { RebuildMemo } from "./rebuilding.ts";
import type { Settings } from "../content/schemas.ts";
import { OFFLINE_FALLBACK_URL, WORKER_URL } from "../lib/offline/offline-cache.ts";
import { fileOf, relativeLink } from "../lib/offline/relative-url.ts";
import { FORM_SENT_FOLDER } from "../lib/forms/site-forms.ts";
import { CMS_URL } from "../lib/cms.ts";

/** Where the zip is on the site, and the page that offers it. */
export const OFFLINE_ZIP_URL = "/offline/local-offer.zip";
export const OFFLINE_PAGE_URL = "/offline/";

export interface OfflineCopy {
  /** Broken links in the copy, as the site's link check reports them. */
  problems: string[];
  bytes: number;
  files: number;
}

const deflateRaw = promisify(zlib.deflateRaw);
const { crc32 } = zlib;
const encoder = new TextEncoder();

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Directives a policy in a meta tag cannot carry; browsers ignore them there. */
const HEADER_ONLY_DIRECTIVES = new Set(["frame-ancestors", "report-uri", "report-to", "sandbox"]);

/**
 * The site's Content-Security-Policy, as a meta tag for the copy's pages: a page opened from disk
 * gets no headers, so without it any script that found its way into a page would run on a family's
 * computer. 'self' on a file: page means the copy's own files. It is the policy without analytics
 * even where analytics is switched on: the copy's pages run none of the site's scripts.
 */
export function offlineContentSecurityPolicy(): string {
  const directives = contentSecurityPolicy()
    .split(";")
    .map((directive) => directive.trim())
    .filter((directive) => directive && !HEADER_ONLY_DIRECTIVES.has(directive.split(/\s+/)[0]!));
  return `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(directives.join("; "))}">`;
}

const CHARSET = /<meta charset="utf-8">/;

/**
 * The directory's note that sorting by distance needs JavaScript: in the copy no page runs the
 * site's scripts whatever the browser allows, so "turn on JavaScript" would send families looking
 * for a setting that changes nothing. The copy says where sorting and filtering are instead; the
 * note's other sentence, saying how the list below is laid out, stays.
 */
const DIRECTORY_NEEDS_SCRIPT = /<span data-finder-needs-script>[\s\S]*?<\/span>/;
const DIRECTORY_IN_COPY = "Sorting by distance from you and filtering need the online site.";

/**
 * The feedback forms (after every page, and "Report a change" on a service's page): a page opened
 * from disk could send nothing, so the copy says where to give feedback instead.
 */
const FEEDBACK_FORMS = /<section class="app-(?:feedback|service-change)"[\s\S]*?<\/section>\s*/g;
const feedbackInCopy = (liveUrl: string) =>
  `<p class="govuk-body app-feedback-offline" id="feedback">Telling us whether a page is useful, reporting a problem or reporting a change to a service needs an internet connection: use <a class="govuk-link" href="${escapeHtml(liveUrl)}">this page on the online site</a>.</p>\n`;

/** Only what the copy needs: module scripts, the online features' data and the content editor stay behind. */
function kept(file: string): boolean {
  if (file.startsWith(CMS_URL)) return false;
  if (
    file === OFFLINE_ZIP_URL ||
    file === HEADERS_FILE_URL ||
    file === WORKER_URL ||
    file === `${OFFLINE_FALLBACK_URL}index.html` ||
    file.startsWith(FORM_SENT_FOLDER)
  )
    return false;
  if (file.endsWith(".json")) return file.startsWith("/search/");
  return !(file.startsWith("/assets/") && file.endsWith(".js"));
}

/** A file's path in the copy: the search index's JSON files become scripts a page on disk can load. */
const nameInCopy = (file: string) => file.replace(/\.json$/, ".js");

/** A page of the copy: relative links to what the copy has, the live site's address for the rest. */
function offlinePage(html: string, file: string, has: (file: string) => boolean, settings: Settings, notice: string, policy: string, siteUrl?: string): string {
  if (!CHARSET.test(html)) throw new Error(`${file} has no <meta charset="utf-8">, after which the offline copy puts the page's Content-Security-Policy`);
  const pageUrl = file.replace(/index\.html$/, "");
  // Root-relative addresses, and those written in full to where the site is served; not the canonical link.
  const servedFrom = siteUrl ? `(?:${siteUrl.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")})?` : "";
  const address = new RegExp(`(?<!rel="canonical")\\s(href|src|action)="${servedFrom}(\\/(?!\\/)[^"#?]*)([?][^"#]*)?(#[^"]*)?"`, "g");
  return (
    html
      .replace(/<script [^>]*src="[^"]*"[^>]*><\/script>\s*/g, "")
      // Before the links are rewritten, so the forms' actions are gone; the line goes where the page's feedback was.
      .replace(FEEDBACK_FORMS, (form) => (form.startsWith('<section class="app-feedback"') ? feedbackInCopy(`${settings.baseUrl}${pageUrl}`) : ""))
      .replace(address, (_whole, attribute: string, target: string, query = "", fragment = "") => {
        const targetFile = fileOf(target);
        const local = has(targetFile) ? targetFile : has(`${targetFile}/index.html`) ? `${targetFile}/index.html` : undefined;
        const href = local ? `${relativeLink(pageUrl, local)}${query}${fragment}` : `${settings.baseUrl}${target}${query}${fragment}`;
        return ` ${attribute}="${href}"`;
      })
      .replace(DIRECTORY_NEEDS_SCRIPT, DIRECTORY_IN_COPY)
      .replace(/(<main class="govuk-main-wrapper" id="main-content">)/, `$1\n${notice}`)
      // First in the head after the character set, so it covers everything the page loads.
      .replace(CHARSET, `$&\n  ${policy}`)
  );
}

/** A file of the copy, deflated as the zip stores it. */
async function zipEntry(filename: string, contents: Uint8Array, madeOn: Date): Promise<{ file: ZipInputFile; data: Uint8Array<ArrayBuffer> }> {
  // Node's zlib deflates in its thread pool, beside the main thread, and several times faster than
  // a JavaScript deflate; fflate only writes the zip's headers around the deflated bytes.
  // Level 6, zlib's default: on the 10,000-page site's pages, level 9 deflated at 36 MB/s against
  // 94 MB/s, for a zip 0.3% smaller.
  const deflated = await deflateRaw(contents, { level: 6 });
  const data = new Uint8Array(deflated.buffer as ArrayBuffer, deflated.byteOffset, deflated.length);
  return { file: { filename, size: contents.length, crc: crc32(contents), compression: 8, mtime: madeOn }, data };
}

/** Files being made at once: enough to keep the thread pool busy, few enough to keep memory low. */
const IN_FLIGHT = 32;

export interface OfflineCopyOptions {
  /** Where the site is served from, when its links are written in full to it. */
  siteUrl?: string | undefined;
  /** Given each page as the site has it, so a build's own link check can read the pages as the copy reads them, rather than read them all again. */
  onPage?: (file: string, html: string) => void;
  /** npm start's memo of each page's ids and links, so its link check reads only the pages an edit changed. */
  facts?: RebuildMemo<HtmlFacts> | undefined;
}

/**
 * Builds the copy from a built site and writes the zip into it; returns its size and any broken
 * links. `files` is every file of the site by its path ("/sen-support/index.html"); `pages` has
 * the HTML of those pages `npm start` holds in memory, and the rest are read from disk.
 */
export async function writeOfflineCopy(
  siteDir: string,
  files: readonly string[],
  pages: ReadonlyMap<string, string>,
  settings: Settings,
  madeOn: Date,
  { siteUrl, onPage, facts }: OfflineCopyOptions = {},
): Promise<OfflineCopy> {
  const copied = files.filter(kept);
  const present = new Set(copied);
  const has = (file: string) => present.has(file);
  const date = readableDate(madeOn);
  const notice = `<div class="govuk-inset-text app-offline-notice">This is a copy of the ${escapeHtml(settings.siteName)} for reading without an internet connection, made on ${date}. Check the <a class="govuk-link" href="${escapeHtml(settings.baseUrl)}/">online site</a> for the latest version. Saving pages, finding services near you and remembering your answers in question tools need the online site.</div>`;
  const searchScript = "/assets/offline-search.js";
  const policy = offlineContentSecurityPolicy();

  /** One file as the copy has it: pages with relative links, the search index as scripts. */
  const copyOf = async (file: string): Promise<[string, Uint8Array, string?]> => {
    if (file.endsWith(".html")) {
      // Read at once: a page is in the disk's cache, and an asynchronous read of 10,000 small files
      // spent seconds of this thread opening, measuring and closing them.
      const original = pages.get(file) ?? readFileSync(path.join(siteDir, file), "utf8");
      onPage?.(file, original);
      // Preloads are for the online site: a page opened from disk runs no modules, and search loads its index as scripts (below).
      let html = offlinePage(original.replace(/\s*<link rel="(?:module)?preload"[^>]*>/g, ""), file, has, settings, notice, policy, siteUrl);
      if (file === "/search/index.html") html = html.replace("</body>", `<script src="${relativeLink("/search/", searchScript)}"></script>\n</body>`);
      return [file, encoder.encode(html), html];
    }
    const contents = await readFile(path.join(siteDir, file));
    if (!file.endsWith(".json")) return [file, contents];
    const name = file.slice("/search/".length);
    return [nameInCopy(file), encoder.encode(`localOfferSearch.receive(${JSON.stringify(name)},${contents.toString("utf8")});\n`)];
  };

  // The zip is written as it is made, so a 10,000-page copy is never whole in memory, and under
  // another name until it is complete and its links pass: `npm start` makes it in the site it is
  // serving, where the last good copy stays until then. The copy gets the same link check as the
  // site, from the pages as they go in.
  const zipPath = path.join(siteDir, OFFLINE_ZIP_URL);
  const partPath = `${zipPath}.part`;
  await mkdir(path.dirname(zipPath), { recursive: true });
  const out = createWriteStream(partPath);
  let bytes = 0;
  let failed: Error | undefined;
  // One folder inside the zip, so unzipping makes a folder rather than scattering files.
  const folder = "local-offer";
  const zip = new Zip((error, chunk, final) => {
    if (error) failed = error;
    else {
      bytes += chunk.length;
      out.write(chunk);
    }
    if (final || error) out.end();
  });
  const closed = once(out, "close");
  // The copy's files are known before it is made: each kept file, with the search index as scripts.
  const copyFiles = [...copied.map(nameInCopy), searchScript];
  const check = new LinkCheck(new Set(copyFiles), undefined, facts);
  const prepare = async (pending: Promise<[string, Uint8Array, string?]>) => {
    const [file, contents, html] = await pending;
    if (html !== undefined) check.add(file, html);
    return zipEntry(`${folder}${file}`, contents, madeOn);
  };
  // A window of files in flight, added to the zip in order: while zlib deflates the oldest, this
  // thread rewrites and checks the next pages.
  const inFlight: Array<ReturnType<typeof prepare>> = [];
  const addOldest = async () => {
    const { file, data } = await inFlight.shift()!;
    zip.add(file);
    file.ondata!(null, data, true);
  };
  try {
    for (const file of copied) {
      inFlight.push(prepare(copyOf(file)));
      if (inFlight.length >= IN_FLIGHT) await addOldest();
    }
    inFlight.push(prepare(classicScript("offline/offline-search.ts").then((script): [string, Uint8Array] => [searchScript, script])));
    while (inFlight.length > 0) await addOldest();
  } catch (error) {
    // The files still in flight settle before the error goes up, so none is left unhandled.
    await Promise.allSettled(inFlight);
    out.destroy();
    await rm(partPath, { force: true });
    throw error;
  }
  zip.end();
  await closed;
  facts?.finish();
  const problems = check.problems();
  if (failed || problems.length > 0) await rm(partPath, { force: true });
  else await rename(partPath, zipPath);
  if (failed) throw failed;
  return { problems, bytes: problems.length ? 0 : bytes, files: problems.length ? 0 : copyFiles.length };
}
