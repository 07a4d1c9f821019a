// The downloadable copy's worker thread, as a one-off build feeds it: pages as Eleventy renders
// them, then every file of the site. A page the copy cannot make must end the build with the
// thread's own plain message, leave no half-written zip, and leave no thread running.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readSettings } from "../../src/content/data-files.ts";
import { OFFLINE_ZIP_URL, OfflineCopyThread } from "../../src/pipeline/offline-copy.ts";
import { projectRoot } from "../../src/project.ts";

const settings = readSettings(path.join(projectRoot, "content"))!;
const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main class="govuk-main-wrapper" id="main-content">${body}</main></body></html>`;

describe("the offline copy's thread", () => {
  let siteDir: string;
  afterEach(() => rm(siteDir, { recursive: true, force: true }));

  /** A built site of these pages, fed to a thread as a build would: each page, then every file. */
  async function copyOf(pages: Record<string, string>, planned = Object.keys(pages)) {
    siteDir = await mkdtemp(path.join(tmpdir(), "copy-thread-"));
    const files = Object.keys(pages);
    const thread = new OfflineCopyThread({ siteDir, settings, madeOn: new Date(2026, 11, 6).toISOString(), siteUrl: undefined }, () => planned);
    for (const [file, html] of Object.entries(pages)) {
      await writeFile(path.join(siteDir, file), html);
      thread.page(file, html);
    }
    return thread.finish(files);
  }

  it("makes the zip from the pages as they come and checks their links, the site's and the copy's", async () => {
    const result = await copyOf({ "/index.html": page('<a href="/index.html#main-content">top</a>'), "/other.html": page('<a href="/gone/">x</a>') });
    expect(result?.siteProblems).toEqual(['/other.html: href="/gone/" points at /gone/, which the build did not make']);
    // The copy links to the live site for what it does not have, so its own check finds nothing broken.
    expect(result?.copy.problems).toEqual([]);
    expect(result?.copy.files).toBe(3);
    expect(await readdir(path.join(siteDir, path.dirname(OFFLINE_ZIP_URL)))).toEqual([path.basename(OFFLINE_ZIP_URL)]);
  });

  it("makes nothing, leaving the copy to be made from the built site, when a file it was told of was not made", async () => {
    // Pages already zipped may link to the missing file as if the copy had it.
    const result = await copyOf({ "/index.html": page('<a href="/later/">x</a>') }, ["/index.html", "/later/index.html"]);
    expect(result).toBeUndefined();
    expect(await readdir(path.join(siteDir, path.dirname(OFFLINE_ZIP_URL)))).toEqual([]);
  });

  it("ends with the thread's message when a page cannot be copied, and leaves no zip or part of one", async () => {
    const noCharset = "<!DOCTYPE html><html><head><title>t</title></head><body></body></html>";
    await expect(copyOf({ "/index.html": page(""), "/broken.html": noCharset })).rejects.toThrow(
      '/broken.html has no <meta charset="utf-8">, after which the offline copy puts the page\'s Content-Security-Policy',
    );
    expect(await readdir(path.join(siteDir, path.dirname(OFFLINE_ZIP_URL)))).toEqual([]);
  });
});
