// The benchmark generator: a synthetic site of any size that the project's own check accepts, the
// same for the same seed, and never written over existing files. That the build takes a generated
// site, every page in the site's layout, is tested on the county-sized site (test/county-scale.test.ts).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot, runScript } from "./helpers/project.ts";

const PAGES = 120;
const SERVICES = 40;
let dir: string;
/** Both runs write to a folder called "site": the root data file is named after its folder. */
let site: string;

const generate = (out: string, seed = "7") =>
  runScript("generate-site", ["--pages", String(PAGES), "--services", String(SERVICES), "--out", out, "--seed", seed]);
const markdownIn = async (folder: string) => (await readdir(folder, { recursive: true })).filter((file) => file.endsWith(".md"));

/** Every file below folder with its contents, for comparing two runs byte for byte. */
async function contents(folder: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return new Map(
    await Promise.all(
      files.map(
        async (entry) => [path.relative(folder, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name))] as const,
      ),
    ),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "local-offer-generate-"));
  site = path.join(dir, "first", "site");
  const result = await generate(site);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run generate-site", () => {
  it("writes the pages in sections, the services, and the real site's top-level pages", async () => {
    const sections = (await readdir(site)).filter((name) => /^section-\d{3}$/.test(name));
    expect(sections).toHaveLength(Math.round(PAGES / 50));
    const pages = (await markdownIn(site)).filter((file) => file.startsWith("section-"));
    expect(pages.filter((file) => !file.endsWith("/index.md"))).toHaveLength(PAGES);
    expect(pages.filter((file) => file.endsWith("/index.md"))).toHaveLength(sections.length);
    expect((await markdownIn(path.join(site, "services"))).filter((file) => file !== "index.md")).toHaveLength(SERVICES);

    const realTopLevel = (await readdir(path.join(projectRoot, "content"))).filter((file) => file.endsWith(".md"));
    const topLevel = (await markdownIn(site)).filter((file) => !file.includes("/") || file === "services/index.md");
    expect(topLevel.sort()).toEqual([...realTopLevel, "services/index.md"].sort());
  });

  it("passes the project's check", async () => {
    const result = await runScript("check", [site]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("gives byte-identical output for the same seed", async () => {
    const again = path.join(dir, "second", "site");
    expect((await generate(again)).code).toBe(0);
    const [first, second] = [await contents(site), await contents(again)];
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
  });

  it("refuses a folder that is not empty, in one line", async () => {
    const full = path.join(dir, "full");
    await mkdir(full);
    await writeFile(path.join(full, "keep.txt"), "an editor's file");
    const result = await generate(full);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/--out .*full is not empty/)]);
    expect(await readdir(full)).toEqual(["keep.txt"]);
  });
});
