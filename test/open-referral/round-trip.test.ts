// The round trip: the sample site's published ORUK feed, imported into a directory with no services
// and built again, gives the same service pages at the same addresses, and publishes the same feed.
// It holds the feed and the import to the one field mapping in docs/open-referral.md.
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runScript, snapshotFolder } from "../helpers/project.ts";
import { copyOfSampleSite, sharedSampleSite } from "../helpers/sample-site.ts";

/** Each service page's HTML, by address. */
async function servicePages(site: string): Promise<Map<string, string>> {
  const folders = (await readdir(path.join(site, "services"), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== "category");
  const pages = new Map<string, string>();
  for (const folder of folders) pages.set(`/services/${folder.name}/`, await readFile(path.join(site, "services", folder.name, "index.html"), "utf8"));
  return pages;
}

let sampleSite: string;
let importedSite: string;
let imported: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  sampleSite = (await sharedSampleSite()).site;
  const dir = await copyOfSampleSite();
  const services = path.join(dir, "content/services");
  for (const file of await readdir(services)) if (file !== "index.md") await rm(path.join(services, file));
  await rm(path.join(dir, "_site"), { recursive: true });
  imported = await runScript("import-oruk", [path.join(sampleSite, "openreferral/services"), "--content", "content"], dir);
  if (imported.code !== 0) throw new Error(`the import failed:\n${imported.stdout}${imported.stderr}`);
  const build = await runScript("build", ["content", "_site"], dir);
  if (build.code !== 0) throw new Error(`the imported directory did not build:\n${build.stderr}`);
  importedSite = path.join(dir, "_site");
}, 240_000);

describe("the sample site's ORUK feed, imported into an empty directory", () => {
  it("adds every service and rejects none", async () => {
    const count = (await readdir(path.join(sampleSite, "services"))).filter((name) => name !== "category" && !name.includes(".")).length;
    expect(count).toBeGreaterThan(50);
    expect(imported.stdout).toContain(`added ${count}, changed 0, removed 0, unchanged 0, skipped 0, rejected 0.`);
  });

  it("builds the same service pages at the same addresses", async () => {
    const [before, after] = [await servicePages(sampleSite), await servicePages(importedSite)];
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [url, html] of before) expect(after.get(url), url).toBe(html);
  });

  it("publishes the same feed again", async () => {
    const feed = (site: string) => snapshotFolder(path.join(site, "openreferral"));
    expect(await feed(importedSite)).toEqual(await feed(sampleSite));
  });
});
