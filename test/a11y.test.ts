// pa11y-ci (WCAG2AA, htmlcs and axe runners) over every page of the built sample site.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sitePages } from "../scripts/support/site-pages.ts";
import { buildAndServe, type ServedSite } from "./helpers/browser.ts";
import { runScript } from "./helpers/project.ts";

let served: ServedSite;
beforeAll(async () => {
  served = await buildAndServe();
});
afterAll(async () => {
  await served?.close();
});

describe("accessibility", () => {
  it("finds zero pa11y errors on every page, on the directory sorted by distance and showing an error, and on reckoners asked in place", async () => {
    const pages = await sitePages(served.site);
    const result = await runScript("a11y", [served.site]);
    expect(result.stderr.split("\n").filter((line) => line.startsWith("/"))).toEqual([]);
    // Reckoner steps are sampled: for each reckoner, its first page of links, of checkboxes and of results
    // (the support reckoner has no checkboxes question), and its first question and results asked in place.
    const steps = pages.filter((page) => page.includes("/answers/")).length;
    expect(result.stdout).toContain(`pa11y-ci (WCAG2AA, htmlcs and axe): ${pages.length - steps + 5} pages (5 of ${steps} reckoner steps) and 6 page states checked, 0 errors.`);
    expect(result.code).toBe(0);
  }, 1_200_000); // two runners over every page: minutes, not seconds

  it("can fail: a page with an unlabelled image and no language is reported by both runners", async () => {
    const site = await mkdtemp(path.join(tmpdir(), "local-offer-a11y-"));
    try {
      await writeFile(path.join(site, "index.html"), '<!DOCTYPE html><html><head><title>Bad</title></head><body><main><img src="x.png"><a href="/"></a></main></body></html>');
      const result = await runScript("a11y", [site]);
      expect(result.stderr).toMatch(/^\/: \[htmlcs\] WCAG2AA\.Principle1\.Guideline1_1\.1_1_1\.H37/m);
      expect(result.stderr).toMatch(/^\/: \[axe\] image-alt/m);
      expect(result.code).toBe(1);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
