// Every file of the built site is written through here: Eleventy's pages and the plugins' files
// (assets, the search index, the postcode files, the saved pages' titles, the service worker).
//
// Eleventy keeps every page it renders until its build ends: on a 10,000-page site that is 270 MB
// of HTML held at once, and the garbage collector walks it again and again. So the build runs
// Eleventy dry (it writes nothing), and this plugin's transform, the last to run on each page,
// writes the page and leaves Eleventy one space in its place. Plugins that read the pages do it in
// transforms of their own, which run before this one.
//
// While `npm start` builds again and again, each build's files are also held in memory, and a
// rebuild holds them without writing: only the ones that changed are then written into the site
// being served (see src/pipeline/live-site.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EleventyConfig } from "./types.ts";

export type FileContents = string | Uint8Array;

interface Collecting {
  files: Map<string, FileContents>;
  toDisk: boolean;
}

let collecting: Collecting | undefined;

/** From now until `stopCollecting`, every file written is held by its site path; `toDisk` false holds it only. */
export function collectOutputs(toDisk: boolean): Map<string, FileContents> {
  collecting = { files: new Map(), toDisk };
  return collecting.files;
}

export function stopCollecting(): void {
  collecting = undefined;
}

/** Holds the file while `npm start` collects; true if it is to be written too. */
function collect(url: string, contents: FileContents): boolean {
  collecting?.files.set(url, contents);
  return !collecting || collecting.toDisk;
}

/** Writes a file of the built site; `url` is its path in the site ("/search/manifest.json"). */
export async function writeOutput(outputDir: string, url: string, contents: FileContents): Promise<void> {
  if (!collect(url, contents)) return;
  const target = path.join(outputDir, url);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, contents);
}

/** What Eleventy is left holding for each page it rendered. */
const HANDED_ON = " ";

export default function siteOutputs(eleventyConfig: EleventyConfig): void {
  const outputDir = eleventyConfig.directories.output;
  let folders = new Set<string>();
  eleventyConfig.on("eleventy.before", () => {
    folders = new Set();
  });
  eleventyConfig.addTransform("site-outputs", function (content) {
    const { outputPath } = this.page;
    if (typeof outputPath !== "string") return content;
    const url = `/${path.relative(outputDir, outputPath).split(path.sep).join("/")}`;
    if (!collect(url, content)) return HANDED_ON;
    // Written at once, as Eleventy writes by default: pages waiting on the disk would pile up in memory.
    const folder = path.dirname(outputPath);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(outputPath, content);
    return HANDED_ON;
  });
}
