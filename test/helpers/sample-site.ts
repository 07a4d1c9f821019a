// The sample site that test/global-setup.ts builds once for the whole test run.
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { inject } from "vitest";
import type { ScriptResult } from "./project.ts";

export interface BuiltSampleSite {
  /** The folder holding content/ and the built site. */
  dir: string;
  /** dir/_site */
  site: string;
  /** What `npm run build content _site` printed and how it exited. */
  build: ScriptResult;
}

/** The run's build of the sample site, once it has finished, whether or not it worked. */
export async function sampleSiteBuild(): Promise<BuiltSampleSite> {
  const provided = inject("sampleSite");
  if (!provided) throw new Error("The sample site is built by test/global-setup.ts: run the tests with npm test, or vitest --config test/vitest.config.ts.");
  const { dir, site, buildResult } = provided;
  while (!existsSync(buildResult)) await delay(100);
  return { dir, site, build: JSON.parse(await readFile(buildResult, "utf8")) as ScriptResult };
}

/**
 * The sample site built once for the whole test run, waiting for the build if it is still going.
 * Read it, never change it: other test files are reading it at the same time. To change content
 * or build again, use copyOfSampleSite().
 */
export async function sharedSampleSite(): Promise<BuiltSampleSite> {
  const shared = await sampleSiteBuild();
  if (shared.build.code !== 0) throw new Error(`the sample site did not build:\n${shared.build.stderr}`);
  return shared;
}

/** A folder of this test's own, holding the sample content and the site built from it, to change and build again. */
export async function copyOfSampleSite(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "local-offer-test-"));
  await cp((await sharedSampleSite()).dir, dir, { recursive: true });
  return dir;
}
