// A build can be stopped anywhere: killed, or the machine going down. Wherever it stopped, the
// next build starts from a whole site (the old one or the new one) and leaves no folders behind.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { cp, mkdir, readdir, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfContent, projectRoot, runScript, snapshotFolder, writeText } from "./helpers/project.ts";

let dir: string;
let site: string;
/** Every file of the whole site, as the first build made it. */
let wholeSite: string[];

/** The id of a process that has ended, as a stopped build's is. */
async function endedProcessId(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await once(child, "exit");
  return child.pid!;
}

beforeAll(async () => {
  dir = await copyOfContent();
  site = path.join(dir, "_site");
  expect((await runScript("build", ["content", "_site"], dir)).code).toBe(0);
  wholeSite = Object.keys(await snapshotFolder(site));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a build that stopped", () => {
  it("killed part-way leaves its half-built folder, which the next build removes, leaving a running build's alone", async () => {
    // Another build still running into the same folder: its process is this test's.
    const running = path.join(dir, `_site.building-${process.pid}`);
    await mkdir(running);
    try {
      // The build's own process, not a wrapper's, so the kill stops the build itself.
      const tsx = createRequire(import.meta.url).resolve("tsx");
      const build = spawn(process.execPath, ["--import", tsx, path.join(projectRoot, "scripts/build.ts"), "content", "_site"], { cwd: dir, stdio: "ignore" });
      const exited = once(build, "exit");
      const building = path.join(dir, `_site.building-${build.pid}`);
      while ((await readdir(building).catch(() => [])).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      build.kill("SIGKILL");
      const [, signal] = await exited;
      expect(signal).toBe("SIGKILL");
      expect((await readdir(dir)).sort()).toEqual(["_site", path.basename(building), path.basename(running), "content"].sort());

      const next = await runScript("build", ["content", "_site"], dir);
      expect(next.stderr).toBe("");
      expect(next.code).toBe(0);
      expect((await readdir(dir)).sort()).toEqual(["_site", path.basename(running), "content"].sort());
      expect(Object.keys(await snapshotFolder(site))).toEqual(wholeSite);
    } finally {
      await rm(running, { recursive: true, force: true });
    }
  });

  it("between its two renames leaves no site, and the next build puts the last good one back first, even if it fails itself", async () => {
    const lastGood = await snapshotFolder(site);
    // What swapIn leaves when stopped there: the old site moved aside, the new one complete beside it.
    const pid = await endedProcessId();
    await rename(site, path.join(dir, `_site.previous-${pid}`));
    await cp(path.join(dir, `_site.previous-${pid}`), path.join(dir, `_site.building-${pid}`), { recursive: true });
    expect((await readdir(dir)).includes("_site")).toBe(false);

    // A content error, so that only putting the last good site back first can leave one.
    await writeText(dir, "content/sen-support/broken.md", "---\ntitle: Broken: colon\n---\nText\n");
    try {
      const next = await runScript("build", ["content", "_site"], dir);
      expect(next.stderr).toContain("The site was not built");
      expect(next.code).toBe(1);
    } finally {
      await rm(path.join(dir, "content/sen-support/broken.md"));
    }
    expect((await readdir(dir)).sort()).toEqual(["_site", "content"]);
    expect(await snapshotFolder(site)).toEqual(lastGood);
  });
});
