// pa11y-ci (WCAG2AA, htmlcs and axe runners) over one page of each kind of the built sample site and
// the states its scripts draw. axe also runs on every page in Chromium, in test/browser.test.ts.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "vitest";
import { onePageOfEachKind } from "../scripts/support/site-pages.ts";
import { runScript } from "./helpers/project.ts";
import { sharedSampleSite } from "./helpers/sample-site.ts";

// The two tests run at the same time (describe.concurrent): each runs pa11y-ci in a process of its own.
describe.concurrent("accessibility", () => {
  it("finds zero pa11y errors on one page of each kind, on the directory sorted, filtered and showing an error, with 'Translate this page' open, on reckoners asked in place and on the feedback forms' states", async ({
    expect,
  }) => {
    const { site } = await sharedSampleSite();
    const kinds = await onePageOfEachKind(site);
    // Between them, every kind of element the templates draw: the home page, search, the question
    // tools, saved pages and the cookie settings each draw some no other page does. The directory's
    // elements are read in its states below.
    expect(kinds.pages.length).toBeGreaterThanOrEqual(13);
    expect(kinds.pages).toEqual(expect.arrayContaining(["/", "/search/", "/reckoners/", "/saved-pages/", "/cookies/"]));
    const result = await runScript("a11y", [site]);
    expect(result.stderr.split("\n").filter((line) => line.startsWith("/"))).toEqual([]);
    // The page states (see scripts/a11y.ts): the directory's five, "Translate this page" open, the
    // feedback's three and a service's "Report a change", each reckoner's question, results and
    // Change, and the saved pages' four.
    expect(result.stdout).toContain(
      `pa11y-ci (WCAG2AA, htmlcs and axe): ${kinds.pages.length} pages (one of each kind, of ${kinds.all}) and 22 page states checked, 0 errors.`,
    );
    expect(result.code).toBe(0);
  });

  it("can fail: a page with an unlabelled image and no language is reported by both runners, also in a full audit of every page", async ({ expect }) => {
    const site = await mkdtemp(path.join(tmpdir(), "local-offer-a11y-"));
    try {
      await writeFile(
        path.join(site, "index.html"),
        '<!DOCTYPE html><html><head><title>Bad</title></head><body><main><img src="x.png"><a href="/"></a></main></body></html>',
      );
      const result = await runScript("a11y", [site, "--every-page"]);
      expect(result.stdout).toMatch(/: 1 pages \(0 of 0 reckoner steps\) and 0 page states checked, [1-9]\d* errors\.$/m);
      expect(result.stderr).toMatch(/^\/: \[htmlcs\] WCAG2AA\.Principle1\.Guideline1_1\.1_1_1\.H37/m);
      expect(result.stderr).toMatch(/^\/: \[axe\] image-alt/m);
      expect(result.code).toBe(1);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
