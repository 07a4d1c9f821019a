// The files plugins add to the built site besides Eleventy's own (assets, the search index, the
// postcode files, the saved pages' titles, the service worker), all written through here. While
// `npm start` builds again and again, each build's files are also held in memory, and a rebuild
// holds them without writing: only the ones that changed are then written into the site being
// served (see src/build/live-site.ts).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

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

/** Writes a file of the built site; `url` is its path in the site ("/search/manifest.json"). */
export async function writeOutput(outputDir: string, url: string, contents: FileContents): Promise<void> {
  collecting?.files.set(url, contents);
  if (collecting && !collecting.toDisk) return;
  const target = path.join(outputDir, url);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, contents);
}
