// Build outputs that depend only on the code, not on the content (the stylesheet, the script
// bundles), kept between builds in .cache/ under a hash of everything they are made from. An
// editor's rebuild then skips two to three seconds of Sass and esbuild; a code change makes a new hash.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "../project.ts";

const cacheRoot = path.join(projectRoot, ".cache");

/** A hash of the files below `dirs` that `wanted` picks, and of `extra` (versions, settings, options). */
export async function inputsHash(dirs: readonly string[], wanted: (file: string) => boolean, extra: ReadonlyArray<string | Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of dirs) {
    for (const file of (await readdir(dir, { recursive: true })).filter(wanted).sort()) {
      hash.update(`\0${dir}\0${file}\0`).update(await readFile(path.join(dir, file)));
    }
  }
  for (const part of extra) hash.update("\0").update(part);
  return hash.digest("hex").slice(0, 20);
}

/** Named outputs made by `make`, or read back from the cache when the same inputs made them before. */
export async function cachedOutputs(
  kind: string,
  key: string,
  make: () => Promise<Array<[string, Uint8Array | string]>>,
): Promise<Array<[string, Uint8Array]>> {
  const file = path.join(cacheRoot, kind, `${key}.json`);
  try {
    const stored = JSON.parse(await readFile(file, "utf8")) as Array<[string, string]>;
    return stored.map(([name, base64]) => [name, new Uint8Array(Buffer.from(base64, "base64"))]);
  } catch {
    const made = (await make()).map(([name, contents]): [string, Uint8Array] => [
      name,
      typeof contents === "string" ? new TextEncoder().encode(contents) : contents,
    ]);
    await mkdir(path.dirname(file), { recursive: true });
    // Written beside and renamed, so a build stopped half-way never leaves a broken entry.
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, JSON.stringify(made.map(([name, contents]) => [name, Buffer.from(contents).toString("base64")])));
    await rename(partial, file);
    return made;
  }
}
