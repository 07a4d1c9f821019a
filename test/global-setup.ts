// Builds the sample site once per test run, with `npm run build` in a process of its own as an
// editor or Netlify would, and shares it with every test that only reads it (test/helpers/
// sample-site.ts); tests that change content or build again make their own copies. The build starts
// before the first test file and runs beside the files that do not need it; those that do wait for
// it. A failed build is reported by the tests that use it, not here.
import { execFile, type ChildProcess } from "node:child_process";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { copyOfContent, projectRoot, type ScriptResult } from "./helpers/project.ts";

export interface SampleSite {
  /** A folder holding a copy of content/ as content/ and, once built, the site built from it as _site/. */
  dir: string;
  /** dir/_site */
  site: string;
  /** Written when the build has finished: what `npm run build content _site` printed and how it exited, as JSON. */
  buildResult: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    sampleSite: SampleSite;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await copyOfContent();
  const buildResult = `${dir}.build.json`;
  let child: ChildProcess | undefined;
  const built = new Promise<void>((resolve) => {
    const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
    child = execFile(
      tsx,
      [path.join(projectRoot, "scripts/build.ts"), "content", "_site"],
      { cwd: dir, maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const result: ScriptResult = { code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr };
        // Written whole and then renamed into place, so a test never reads half of it.
        void writeFile(`${buildResult}.part`, JSON.stringify(result))
          .then(() => rename(`${buildResult}.part`, buildResult))
          .finally(resolve);
      },
    );
  });
  project.provide("sampleSite", { dir, site: path.join(dir, "_site"), buildResult });
  return async () => {
    // A run of tests that never needed the site does not wait for it.
    child?.kill();
    await built;
    await rm(dir, { recursive: true, force: true });
    await rm(buildResult, { force: true });
  };
}
