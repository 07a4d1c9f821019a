// `npm start` rebuilds into the folder it serves by writing only what an edit changed. A one-off
// build writes every file into a fresh folder and swaps it in whole; on the sample site that is
// 470 files, and making them took a quarter of a rebuild. The first build in `npm start` is such a
// build; from then on this remembers what the served folder holds, and each rebuild writes only the
// files whose contents differ (each under another name, then renamed, so no request reads one
// half-written) and removes the files the new build no longer has. Nothing is written until the
// build has passed every check, so a failed rebuild still leaves the last good site as it was.
import { copyFile, mkdir, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileContents } from "../eleventy/site-outputs.ts";

/** What the served folder holds, as far as the build made it. */
export interface LiveSite {
  /** Every file, by its path in the site ("/search/manifest.json"). */
  files: Set<string>;
  /** The contents of every file the build made (pages, data files, the plugins' files). */
  made: Map<string, FileContents>;
  /** Files copied from the content (images, documents), with the size and time of their source. */
  copied: Map<string, string>;
}

/** A build's files: those it made, and those copied from the content folder, by their source. */
export interface SiteFiles {
  made: Map<string, FileContents>;
  copied: Map<string, string>;
}

async function stampOf(source: string): Promise<string> {
  const info = await stat(source);
  return `${info.size} ${info.mtimeMs}`;
}

/** Replaces a file in a site being served, so no request reads it half-written: `write` makes it under another name. */
export async function replaceFile(file: string, write: (part: string) => Promise<void>): Promise<void> {
  await write(`${file}.part`);
  await rename(`${file}.part`, file);
}

function same(a: FileContents | undefined, b: FileContents): boolean {
  if (a === undefined) return false;
  if (typeof a === "string" || typeof b === "string") return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** What npm start's builds have left in each folder it serves, by the folder's path. */
export class LiveSites {
  readonly #sites = new Map<string, LiveSite>();

  /** The served folder as a whole build left it, or undefined if no build of this process made it whole or it has gone. */
  async current(outputDir: string): Promise<LiveSite | undefined> {
    const site = this.#sites.get(outputDir);
    if (
      site &&
      (await stat(outputDir).then(
        (info) => info.isDirectory(),
        () => false,
      ))
    )
      return site;
    this.#sites.delete(outputDir);
    return undefined;
  }

  /**
   * After a whole build is swapped in: what it put there. Only if every file in it is one the build
   * made or copied from the content: a file from anywhere else could not be kept up to date, so
   * then every build stays a whole one.
   */
  async remember(outputDir: string, files: readonly string[], built: SiteFiles): Promise<void> {
    const all = new Set(files);
    const accounted =
      files.every((file) => built.made.has(file) || built.copied.has(file)) && [...built.made.keys(), ...built.copied.keys()].every((file) => all.has(file));
    if (!accounted) {
      this.#sites.delete(outputDir);
      return;
    }
    const copied = new Map<string, string>();
    for (const [file, source] of built.copied) copied.set(file, await stampOf(source));
    this.#sites.set(outputDir, { files: all, made: built.made, copied });
  }

  /**
   * Brings the served folder in line with a new build: new and changed files first (pictures, data
   * and assets before the pages that use them), then the files it no longer has. `files` is every file of the new
   * build. If anything fails, the folder is no longer known, and the next build is a whole one.
   */
  async update(outputDir: string, site: LiveSite, files: readonly string[], built: SiteFiles): Promise<void> {
    this.#sites.delete(outputDir);
    const folders = new Set<string>();
    const put = async (file: string, write: (target: string) => Promise<void>) => {
      const target = path.join(outputDir, file);
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
      await replaceFile(target, write);
    };
    const copied = new Map<string, string>();
    for (const [file, source] of built.copied) {
      const stamp = await stampOf(source);
      copied.set(file, stamp);
      if (site.copied.get(file) === stamp && site.files.has(file)) continue;
      await put(file, (target) => copyFile(source, target));
    }
    const byPagesLast = [...built.made].sort(([a], [b]) => Number(a.endsWith(".html")) - Number(b.endsWith(".html")));
    for (const [file, contents] of byPagesLast) {
      if (same(site.made.get(file), contents) && site.files.has(file)) continue;
      await put(file, (target) => writeFile(target, contents));
    }
    const kept = new Set(files);
    for (const file of site.files) {
      if (kept.has(file)) continue;
      await rm(path.join(outputDir, file), { force: true });
      // A page's folder goes with it when nothing else is in it.
      await rmdir(path.dirname(path.join(outputDir, file))).catch(() => undefined);
    }
    this.#sites.set(outputDir, { files: kept, made: built.made, copied });
  }
}
