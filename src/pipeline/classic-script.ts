// A browser script built as one classic (non-module) file: what a service worker must be, and
// what a page opened from disk can run.
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as esbuild from "esbuild";
import { cachedOutputs, inputsHash } from "./build-cache.ts";
import { projectRoot } from "../project.ts";
import { browserDir, libDir } from "../project.ts";

/** What every script bundle is made from: the browser code, the shared code, the locked dependencies. */
export async function scriptSourcesHash(options: string): Promise<string> {
  return inputsHash([browserDir, libDir], (file) => file.endsWith(".ts"), [options, await readFile(path.join(projectRoot, "package-lock.json"))]);
}

/** Bundles src/browser/<entry> with its imports into one minified IIFE; `define` sets build-time constants. */
export async function classicScript(entry: string, define: Record<string, string> = {}): Promise<Uint8Array> {
  const key = await scriptSourcesHash(JSON.stringify({ entry, define }));
  const [[, script]] = (await cachedOutputs("scripts", key, async () => {
    const result = await esbuild.build({
      entryPoints: [path.join(browserDir, entry)],
      bundle: true,
      format: "iife",
      target: "es2022",
      minify: true,
      write: false,
      legalComments: "none",
      define,
    });
    return [[entry, result.outputFiles[0]!.contents]];
  })) as [[string, Uint8Array]];
  return script;
}
