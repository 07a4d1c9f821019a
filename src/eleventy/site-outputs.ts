// Every file of the built site is written through here: Eleventy's pages and the plugins' files
// (assets, the search index, the postcode files, the saved pages' titles, the service worker).
//
// Eleventy keeps every page it renders until its build ends: on a 10,000-page site that is 270 MB
// of HTML held at once, and the garbage collector walks it again and again. So the build runs
// Eleventy dry (it writes nothing), and this plugin's transform, the last to run on each page,
// writes the page and leaves Eleventy one space in its place. Plugins that read or change the
// pages do it in transforms of their own, added with addPageTransform, which fails the build if
// one runs after this plugin's (Eleventy runs transforms in the order they were added).
//
// While `npm start` builds again and again, each build's files are also held in memory, and a
// rebuild holds them without writing: only the ones that changed are then written into the site
// being served (see src/pipeline/live-site.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BuildContext } from "../pipeline/build-context.ts";
import type { EleventyConfig, EleventyPage } from "./types.ts";

export type FileContents = string | Uint8Array;

/** Files writeAll writes at once, at most: enough to keep the disk busy, few enough that their bytes are not all held at once. */
const WRITES_AT_ONCE = 64;

/** Where one build's files go. */
export class SiteOutputs {
  /** Every file the build made, by its path in the site ("/search/manifest.json"), when npm start holds them. */
  readonly held: Map<string, FileContents> | undefined;
  /** False while Eleventy writes its pages itself (it runs not dry: .eleventy.ts run by Eleventy's own command). */
  readonly writesPages: boolean;
  readonly #outputDir: string;
  readonly #toDisk: boolean;
  /** The folders made so far, so each is made once. */
  readonly #folders = new Set<string>();
  /** The pages written so far, by output path, so a transform that would change or read one too late is caught. */
  readonly #pagesWritten = new Set<string>();
  /** Told each HTML page as it is written, by its path in the site. */
  readonly #onPage: ((url: string, html: string) => void) | undefined;
  /** Pages the build changes once every page is built (see rewrite), which onPage is told of then. */
  readonly #rewrittenLater = new Set<string>();
  /** The files being written now. */
  readonly #writing = new Set<Promise<void>>();
  /** Set when the build has failed: nothing more is written (see stop). */
  #stopped = false;

  /**
   * `toDisk` false: the files are only held (npm start's rebuilds, which write what changed themselves).
   * `hold`: every file is kept in `held` too. `onPage` is told each HTML page as it is written.
   */
  constructor(
    outputDir: string,
    options: { writesPages: boolean; toDisk: boolean; hold: boolean; onPage?: ((url: string, html: string) => void) | undefined },
  ) {
    this.#outputDir = outputDir;
    this.#onPage = options.onPage;
    this.writesPages = options.writesPages;
    this.#toDisk = options.toDisk;
    this.held = options.hold ? new Map() : undefined;
  }

  /** The path in the site of a file Eleventy writes to `outputPath`. */
  urlOf(outputPath: string): string {
    return `/${path.relative(this.#outputDir, outputPath).split(path.sep).join("/")}`;
  }

  /** Writes a file of the built site; `url` is its path in the site ("/search/manifest.json"). */
  async write(url: string, contents: FileContents): Promise<void> {
    if (this.#stopped) return;
    this.held?.set(url, contents);
    if (!this.#toDisk) return;
    const target = path.join(this.#outputDir, url);
    const writing = mkdir(path.dirname(target), { recursive: true }).then(() => writeFile(target, contents));
    this.#writing.add(writing);
    try {
      await writing;
    } finally {
      this.#writing.delete(writing);
    }
  }

  /**
   * For a build that has failed: writes nothing more, once the files being written are written, so
   * the build's folder can be removed whole. Eleventy stops at the first of its `eleventy.after`
   * listeners to fail while the others go on writing: removing the folder under them failed
   * (ENOTEMPTY, with a stack trace), or they made it again.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.allSettled(this.#writing);
  }

  /**
   * Writes many files, a few at a time, taking the next from `files` only when there is room for
   * it: the search index's 1,355 files on a 10,000-page site, written all at once, held another
   * copy of its 31 MB while they were written.
   */
  async writeAll(files: Iterable<readonly [url: string, contents: FileContents]>): Promise<void> {
    const writing: Array<Promise<void>> = [];
    for (const [url, contents] of files) {
      writing.push(this.write(url, contents));
      if (writing.length >= WRITES_AT_ONCE) await Promise.all(writing.splice(0));
    }
    await Promise.all(writing);
  }

  /**
   * Changes a file the build has already written, for what is known only once every page is built
   * (the index's manifest in the search page); nothing when the build made no such file.
   */
  async rewrite(url: string, edit: (text: string) => string): Promise<void> {
    const held = this.held?.get(url);
    const text =
      held === undefined
        ? await readFile(path.join(this.#outputDir, url), "utf8").catch(() => undefined)
        : typeof held === "string"
          ? held
          : new TextDecoder().decode(held);
    if (text === undefined) return;
    const edited = edit(text);
    await this.write(url, edited);
    if (this.#rewrittenLater.has(url)) this.#onPage?.(url, edited);
  }

  /**
   * Says, before the pages are built, that the page at url will be rewritten once they are: onPage
   * is told of it as rewritten, not as first written, so the downloadable copy has its last text.
   */
  rewritesLater(url: string): void {
    this.#rewrittenLater.add(url);
  }

  /** Writes a page as Eleventy renders it. */
  writePage(outputPath: string, html: string): void {
    if (this.#stopped) return;
    this.#pagesWritten.add(outputPath);
    const url = this.urlOf(outputPath);
    this.held?.set(url, html);
    if (!this.#toDisk) return;
    // Written at once, as Eleventy writes by default: pages waiting on the disk would pile up in memory.
    const folder = path.dirname(outputPath);
    if (!this.#folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
    }
    writeFileSync(outputPath, html);
    if (this.#onPage && outputPath.endsWith(".html") && !this.#rewrittenLater.has(url)) this.#onPage(url, html);
  }

  hasWrittenPage(outputPath: string): boolean {
    return this.#pagesWritten.has(outputPath);
  }
}

/** What Eleventy is left holding for each page it rendered. */
const HANDED_ON = " ";

/**
 * Adds a transform that reads or changes each page before it is written. The page is written by
 * the last transform, so one added after it would see a space and its changes would be lost.
 */
export function addPageTransform(
  eleventyConfig: EleventyConfig,
  outputs: SiteOutputs,
  name: string,
  transform: (page: EleventyPage, html: string) => string,
): void {
  eleventyConfig.addTransform(name, function (content) {
    const { outputPath } = this.page;
    if (typeof outputPath === "string" && outputs.hasWrittenPage(outputPath)) {
      throw new Error(
        `the "${name}" transform ran on ${outputs.urlOf(outputPath)} after the site-outputs plugin had written it: add its plugin before site-outputs, the last in .eleventy.ts`,
      );
    }
    return transform(this.page, content);
  });
}

export default function siteOutputs(eleventyConfig: EleventyConfig, { outputs }: BuildContext): void {
  if (!outputs.writesPages) return;
  eleventyConfig.addTransform("site-outputs", function (content) {
    const { outputPath } = this.page;
    if (typeof outputPath !== "string") return content;
    outputs.writePage(outputPath, content);
    return HANDED_ON;
  });
}
