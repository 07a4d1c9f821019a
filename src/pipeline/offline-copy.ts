// The whole Local Offer as a zip that opens from disk with no server: every page with relative
// links to index.html files, the CSS, the images and documents, and search, whose index and
// script are rewritten as classic script files (browsers fetch nothing and run no module scripts
// from disk). Features that need the online site (saving, cookies, services near you) have no
// script in the copy, so they stay hidden, and every page says what needs the online site.
import { createWriteStream, readFileSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import zlib from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";
import { LinkCheck, type HtmlFacts } from "./link-check.ts";
import { HEADERS_FILE_URL } from "../server/netlify-headers.ts";
import { contentSecurityPolicy } from "./security-headers.ts";
import { classicScript } from "./classic-script.ts";
import { readableDate } from "../content/dates.ts";
import type { RebuildMemo } from "./rebuilding.ts";
import type { Settings } from "../content/schemas.ts";
import { OFFLINE_FALLBACK_URL, WORKER_URL } from "../lib/offline/offline-cache.ts";
import { fileOf, relativeLink } from "../lib/offline/relative-url.ts";
import { FORM_SENT_FOLDER } from "../lib/forms/site-forms.ts";
import { CMS_URL } from "../lib/cms.ts";
import { escapeHtml } from "../lib/html.ts";

/** Where the zip is on the site, and the page that offers it. */
export const OFFLINE_ZIP_URL = "/offline/local-offer.zip";
export const OFFLINE_PAGE_URL = "/offline/";
/** The zip while it is being made. */
export const OFFLINE_ZIP_PART_URL = `${OFFLINE_ZIP_URL}.part`;

export interface OfflineCopy {
  /** Broken links in the copy, as the site's link check reports them. */
  problems: string[];
  bytes: number;
  files: number;
}

const deflateRaw = promisify(zlib.deflateRaw);
const { crc32 } = zlib;
const encoder = new TextEncoder();

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
  // Node's zlib deflates in its thread pool, beside the calling thread, and several times faster than
  // a JavaScript deflate; fflate only writes the zip's headers around the deflated bytes.
  // Level 6, zlib's default: on the 10,000-page site's pages, level 9 deflated at 36 MB/s against
  // 94 MB/s, for a zip 0.3% smaller.
  const deflated = await deflateRaw(contents, { level: 6 });
  const data = new Uint8Array(deflated.buffer as ArrayBuffer, deflated.byteOffset, deflated.length);
  return { file: { filename, size: contents.length, crc: crc32(contents), compression: 8, mtime: madeOn }, data };
}

/** Files being made at once: enough to keep the thread pool busy, few enough to keep memory low. */
const IN_FLIGHT = 32;

/** One folder inside the zip, so unzipping makes a folder rather than scattering files. */
const ZIP_FOLDER = "local-offer";

/** The copy's script that loads the search index from the scripts the copy makes of it. */
const SEARCH_SCRIPT = "/assets/offline-search.js";

/**
 * The zip, written as it is made, so a 10,000-page copy is never whole in memory, and under
 * another name until it is complete and its links pass: `npm start` makes it in the site it is
 * serving, where the last good copy stays until then. A window of files is in flight, added in
 * order: while zlib deflates the oldest, the thread goes on with the next.
 */
class ZipWriter {
  readonly #zipPath: string;
  readonly #partPath: string;
  readonly #madeOn: Date;
  readonly #out: WriteStream;
  readonly #zip: Zip;
  readonly #closed: Promise<unknown>;
  readonly #inFlight: Array<Promise<{ file: ZipInputFile; data: Uint8Array<ArrayBuffer> }>> = [];
  #failed: Error | undefined;
  bytes = 0;

  private constructor(siteDir: string, madeOn: Date) {
    this.#zipPath = path.join(siteDir, OFFLINE_ZIP_URL);
    this.#partPath = path.join(siteDir, OFFLINE_ZIP_PART_URL);
    this.#madeOn = madeOn;
    this.#out = createWriteStream(this.#partPath);
    this.#zip = new Zip((error, chunk, final) => {
      if (error) this.#failed = error;
      else {
        this.bytes += chunk.length;
        this.#out.write(chunk);
      }
      if (final || error) this.#out.end();
    });
    this.#closed = once(this.#out, "close");
  }

  static async open(siteDir: string, madeOn: Date): Promise<ZipWriter> {
    await mkdir(path.join(siteDir, path.dirname(OFFLINE_ZIP_URL)), { recursive: true });
    return new ZipWriter(siteDir, madeOn);
  }

  /** Adds a file by its path in the copy ("/sen-support/index.html"). */
  async add(file: string, contents: Uint8Array | Promise<Uint8Array>): Promise<void> {
    this.#inFlight.push(Promise.resolve(contents).then((bytes) => zipEntry(`${ZIP_FOLDER}${file}`, bytes, this.#madeOn)));
    if (this.#inFlight.length >= IN_FLIGHT) await this.#addOldest();
  }

  async #addOldest(): Promise<void> {
    const { file, data } = await this.#inFlight.shift()!;
    this.#zip.add(file);
    file.ondata!(null, data, true);
  }

  /** Finishes the zip, and puts it in place if `keep`; else removes it. */
  async close(keep: boolean): Promise<void> {
    while (this.#inFlight.length > 0) await this.#addOldest();
    this.#zip.end();
    await this.#closed;
    if (this.#failed || !keep) await rm(this.#partPath, { force: true });
    else await rename(this.#partPath, this.#zipPath);
    if (this.#failed) throw this.#failed;
  }

  /** Removes the unfinished zip; the files still in flight settle first, so none is left unhandled. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.#inFlight);
    this.#out.destroy();
    await rm(this.#partPath, { force: true });
  }
}

/** What every page of one copy shares: the notice it starts with and its Content-Security-Policy. */
interface CopyPageFrame {
  settings: Settings;
  siteUrl: string | undefined;
  notice: string;
  policy: string;
}

function copyPageFrame(settings: Settings, madeOn: Date, siteUrl: string | undefined): CopyPageFrame {
  const notice = `<div class="govuk-inset-text app-offline-notice">This is a copy of the ${escapeHtml(settings.siteName)} for reading without an internet connection, made on ${readableDate(madeOn)}. Check the <a class="govuk-link" href="${escapeHtml(settings.baseUrl)}/">online site</a> for the latest version. Saving pages, finding services near you and remembering your answers in question tools need the online site.</div>`;
  return { settings, siteUrl, notice, policy: offlineContentSecurityPolicy() };
}

const PRELOAD = /<link rel="(?:module)?preload"[^>]*>/g;

/**
 * The page without its preloads, and the white space before each: they are for the online site. A
 * page opened from disk runs no modules, and search loads its index as scripts (see pageInCopy).
 * The same as replacing /\s*<link rel="(?:module)?preload"[^>]*>/g, which took 4 s of 10,000 pages:
 * a pattern that starts with \s* is tried afresh at every space of the page.
 */
function withoutPreloads(html: string): string {
  let kept = "";
  let from = 0;
  for (const preload of html.matchAll(PRELOAD)) {
    let start = preload.index;
    while (start > from && /\s/.test(html[start - 1]!)) start -= 1;
    kept += html.slice(from, start);
    from = preload.index + preload[0].length;
  }
  return from === 0 ? html : kept + html.slice(from);
}

/** The copy's files, by their names in it: those of the site's files it keeps, and its search script. */
const filesOfCopy = (copied: readonly string[]) => [...copied.map(nameInCopy), SEARCH_SCRIPT];

/** A page as the copy has it: relative links to what the copy `has`, the live site's address for the rest. */
function pageInCopy(file: string, original: string, has: (file: string) => boolean, frame: CopyPageFrame): string {
  const html = offlinePage(withoutPreloads(original), file, has, frame.settings, frame.notice, frame.policy, frame.siteUrl);
  return file === "/search/index.html" ? html.replace("</body>", `<script src="${relativeLink("/search/", SEARCH_SCRIPT)}"></script>\n</body>`) : html;
}

/** Any other file's contents as the copy has it (under nameInCopy(file)): the search index's JSON files become scripts. */
async function fileInCopy(siteDir: string, file: string): Promise<Uint8Array> {
  const contents = await readFile(path.join(siteDir, file));
  if (!file.endsWith(".json")) return contents;
  const name = file.slice("/search/".length);
  return encoder.encode(`localOfferSearch.receive(${JSON.stringify(name)},${contents.toString("utf8")});\n`);
}

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
  const frame = copyPageFrame(settings, madeOn, siteUrl);
  // The copy's files are known before it is made: each kept file, with the search index as scripts.
  const copyFiles = filesOfCopy(copied);
  // The copy gets the same link check as the site, from the pages as they go in.
  const check = new LinkCheck(new Set(copyFiles), undefined, facts);
  const zip = await ZipWriter.open(siteDir, madeOn);
  try {
    for (const file of copied) {
      if (file.endsWith(".html")) {
        // Read at once: a page is in the disk's cache, and an asynchronous read of 10,000 small files
        // spent seconds of this thread opening, measuring and closing them.
        const original = pages.get(file) ?? readFileSync(path.join(siteDir, file), "utf8");
        onPage?.(file, original);
        const html = pageInCopy(file, original, has, frame);
        check.add(file, html);
        await zip.add(file, encoder.encode(html));
      } else {
        await zip.add(nameInCopy(file), fileInCopy(siteDir, file));
      }
    }
    await zip.add(SEARCH_SCRIPT, classicScript("offline/offline-search.ts"));
  } catch (error) {
    await zip.abort();
    throw error;
  }
  facts?.finish();
  const problems = check.problems();
  await zip.close(problems.length === 0);
  return { problems, bytes: problems.length ? 0 : zip.bytes, files: problems.length ? 0 : copyFiles.length };
}

/** What the site's link check and the copy found, when the copy was made as the pages were rendered. */
export interface StreamedCopyResult {
  copy: OfflineCopy;
  /** Broken links in the site's own pages. */
  siteProblems: string[];
}

/**
 * The copy and the site's link check, made from each page as Eleventy renders it (in a worker
 * thread: see offline-copy-thread.ts), rather than from the built site afterwards. The files the
 * build will make are `planned` before the first page: the pages, the assets and the content's
 * pictures and documents. A page that links to a file not planned (the search index and the like
 * come last) waits until the end, when every file is known, so each page is rewritten as
 * writeOfflineCopy would; should a planned file not be made after all, `finish` says so by
 * returning undefined, having made nothing, and the build makes the copy from the built site.
 */
export class StreamedOfflineCopy {
  readonly #siteDir: string;
  readonly #planned: ReadonlySet<string>;
  readonly #frame: CopyPageFrame;
  readonly #zip: ZipWriter;
  readonly #siteCheck: LinkCheck;
  readonly #copyCheck: LinkCheck;
  /** Pages that link to a file not planned, with their HTML, until every file is known. */
  readonly #waiting: Array<[file: string, html: string]> = [];
  /** The files in the zip so far (and waiting for it). */
  readonly #copied = new Set<string>();

  private constructor(siteDir: string, planned: ReadonlySet<string>, frame: CopyPageFrame, zip: ZipWriter) {
    this.#siteDir = siteDir;
    this.#planned = planned;
    this.#frame = frame;
    this.#zip = zip;
    this.#siteCheck = new LinkCheck(new Set([...planned, OFFLINE_ZIP_URL]), frame.siteUrl);
    this.#copyCheck = new LinkCheck(new Set(filesOfCopy([...planned].filter(kept))));
  }

  static async start(siteDir: string, planned: Iterable<string>, settings: Settings, madeOn: Date, siteUrl: string | undefined): Promise<StreamedOfflineCopy> {
    return new StreamedOfflineCopy(siteDir, new Set(planned), copyPageFrame(settings, madeOn, siteUrl), await ZipWriter.open(siteDir, madeOn));
  }

  /** A page of the site as Eleventy rendered it; `file` is its path ("/sen-support/index.html"). */
  async addPage(file: string, html: string): Promise<void> {
    // The content editor's page is Decap's shell, not a page in the site's layout (test/cms/ checks it).
    if (!file.startsWith(CMS_URL)) this.#siteCheck.add(file, html);
    if (!kept(file)) return;
    this.#copied.add(file);
    let waits = false;
    const copy = pageInCopy(
      file,
      html,
      (target) => {
        if (!this.#planned.has(target)) waits = true;
        return kept(target) && this.#planned.has(target);
      },
      this.#frame,
    );
    if (waits) this.#waiting.push([file, html]);
    else await this.#addCopy(file, copy);
  }

  async #addCopy(file: string, html: string): Promise<void> {
    this.#copyCheck.add(file, html);
    await this.#zip.add(file, encoder.encode(html));
  }

  /** Once the site is built: `files` is every file it has. Adds the rest to the copy and checks every link. */
  async finish(files: readonly string[]): Promise<StreamedCopyResult | undefined> {
    const made = new Set(files);
    const copied = files.filter(kept);
    const present = new Set(copied);
    try {
      if ([...this.#planned].some((file) => !made.has(file))) {
        await this.#zip.abort();
        return undefined;
      }
      for (const [file, html] of this.#waiting)
        await this.#addCopy(
          file,
          pageInCopy(file, html, (target) => present.has(target), this.#frame),
        );
      for (const file of copied) {
        if (this.#copied.has(file)) continue;
        if (file.endsWith(".html")) {
          const html = readFileSync(path.join(this.#siteDir, file), "utf8");
          if (!this.#siteCheck.has(file)) this.#siteCheck.add(file, html);
          await this.#addCopy(
            file,
            pageInCopy(file, html, (target) => present.has(target), this.#frame),
          );
        } else {
          await this.#zip.add(nameInCopy(file), fileInCopy(this.#siteDir, file));
        }
      }
      await this.#zip.add(SEARCH_SCRIPT, classicScript("offline/offline-search.ts"));
      // The pages the copy leaves out, which the site's check reads all the same.
      for (const file of files) {
        if (file.endsWith(".html") && !file.startsWith(CMS_URL) && !this.#siteCheck.has(file))
          this.#siteCheck.add(file, readFileSync(path.join(this.#siteDir, file), "utf8"));
      }
    } catch (error) {
      await this.#zip.abort();
      throw error;
    }
    const copyFiles = filesOfCopy(copied);
    const problems = this.#copyCheck.problems(new Set(copyFiles));
    const siteProblems = this.#siteCheck.problems(new Set([...files, OFFLINE_ZIP_URL]));
    await this.#zip.close(problems.length === 0);
    return { copy: { problems, bytes: problems.length ? 0 : this.#zip.bytes, files: problems.length ? 0 : copyFiles.length }, siteProblems };
  }

  /** Removes the unfinished zip (a build that failed). */
  abort(): Promise<void> {
    return this.#zip.abort();
  }
}

/** What the copy's worker thread is started with. */
export interface CopyThreadStart {
  siteDir: string;
  settings: Settings;
  /** As an ISO date, which crosses to the thread as it is. */
  madeOn: string;
  siteUrl: string | undefined;
  /** Counts the pages the thread has handled, for the build to read as it sends more. */
  handled: Int32Array;
}

export type CopyThreadMessage = { type: "plan"; files: string[] } | { type: "page"; file: string; html: string } | { type: "finish"; files: readonly string[] };

export type CopyThreadReply = { type: "done"; result: StreamedCopyResult | undefined } | { type: "failed"; message: string };

/** Pages sent to the copy's thread and not yet handled, at most: beyond it, Eleventy waits for the thread. */
const PAGES_AHEAD = 64;
/** How long Eleventy waits for the thread to handle one more page before it stops waiting for good. */
const STALLED_MS = 10_000;

/**
 * A one-off build's copy and link check in a worker thread, fed each page as Eleventy renders it
 * (`page`), so they are done by the time Eleventy is. `planned` gives the files the build plans to
 * make when the first page comes (see StreamedOfflineCopy).
 *
 * Pages waiting for the thread are held outside either thread's heap, so should the thread fall
 * behind (on a busy machine), `page` blocks Eleventy until it has caught up: without that, on
 * 10,000 pages they piled up and the build's memory grew by 1.3 GB. It blocks rather than asks
 * Eleventy to wait for a promise, because each page is drawn and written within one turn of the
 * event loop (see render-turns.ts): a transform that waits holds its page while the next pages are
 * drawn, and they pile up instead. A thread that handles no page for 10 s has failed or stopped,
 * and is not waited for again; `finish` says why.
 *
 * The thread is the build's: `finish` or `stop` ends it, and a build that fails stops it, so none
 * outlives its build.
 */
export class OfflineCopyThread {
  readonly #worker: Worker;
  readonly #planned: () => Iterable<string>;
  readonly #reply: Promise<CopyThreadReply>;
  /** How many pages the thread has handled, which it counts up as it goes. */
  readonly #handled = new Int32Array(new SharedArrayBuffer(4));
  #sent = 0;
  #stalled = false;

  constructor(start: Omit<CopyThreadStart, "handled">, planned: () => Iterable<string>) {
    this.#planned = planned;
    this.#worker = new Worker(new URL("./offline-copy-thread.ts", import.meta.url), {
      workerData: { ...start, handled: this.#handled },
      // Its garbage is short-lived strings, a page at a time: a small young generation is collected
      // often and cheaply, where V8's default would let the thread's memory grow by a hundred MB.
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    this.#reply = new Promise<CopyThreadReply>((resolve, reject) => {
      this.#worker.once("message", resolve);
      this.#worker.once("error", reject);
      this.#worker.once("exit", (code) => reject(new Error(`the thread stopped (exit code ${code}) before it had finished`)));
    });
    // A build that fails before `finish` never asks for the reply.
    this.#reply.catch(() => undefined);
  }

  /** Sends a page to the thread, first waiting for it to catch up if it is too far behind. */
  page(file: string, html: string): void {
    if (this.#sent === 0) this.#worker.postMessage({ type: "plan", files: [...this.#planned()] } satisfies CopyThreadMessage);
    let handled = Atomics.load(this.#handled, 0);
    if (this.#sent - handled >= PAGES_AHEAD && !this.#stalled) {
      while (this.#sent - handled > PAGES_AHEAD / 2) {
        if (Atomics.wait(this.#handled, 0, handled, STALLED_MS) === "timed-out") {
          this.#stalled = true;
          break;
        }
        handled = Atomics.load(this.#handled, 0);
      }
    }
    this.#worker.postMessage({ type: "page", file, html } satisfies CopyThreadMessage);
    this.#sent += 1;
  }

  /**
   * Once the site is built: what the copy and the link checks found; undefined if the copy must be
   * made from the built site after all. Throws, with the thread's own message, if it failed.
   */
  async finish(files: readonly string[]): Promise<StreamedCopyResult | undefined> {
    this.#worker.postMessage({ type: "finish", files } satisfies CopyThreadMessage);
    try {
      const reply = await this.#reply;
      if (reply.type === "failed") throw new Error(reply.message);
      return reply.result;
    } finally {
      await this.stop();
    }
  }

  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}
