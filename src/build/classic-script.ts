// A browser script built as one classic (non-module) file: what a service worker must be, and
// what a page opened from disk can run.
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const browserDir = fileURLToPath(new URL("../browser/", import.meta.url));

/** Bundles src/browser/<entry> with its imports into one minified IIFE; `define` sets build-time constants. */
export async function classicScript(entry: string, define: Record<string, string> = {}): Promise<Uint8Array> {
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
  return result.outputFiles[0]!.contents;
}
