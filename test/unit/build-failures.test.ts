// What a build says when the code goes wrong rather than the content: a mistake in a layout, and a
// plugin whose transform would run after the pages are written. Each runs Eleventy on a small site
// of its own, so the errors are Eleventy's and Nunjucks' real ones.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import renderTurns from "../../src/eleventy/render-turns.ts";
import siteOutputs, { addPageTransform, SiteOutputs } from "../../src/eleventy/site-outputs.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { BuildContext } from "../../src/pipeline/build-context.ts";
import { describeTemplateFailure } from "../../src/pipeline/template-failure.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "local-offer-failures-"));
  await mkdir(path.join(dir, "input", "_includes"), { recursive: true });
  await writeFile(path.join(dir, "input", "about.md"), "---\ntitle: About\nlayout: page.njk\n---\nAbout this site.\n");
  await writeFile(path.join(dir, "input", "contact.md"), "---\ntitle: Contact\nlayout: page.njk\n---\nHow to reach us.\n");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Builds the small site, dry, with `configure`; the error it stops with and its templates as Eleventy names them. */
async function failedBuild(configure: (eleventyConfig: EleventyConfig) => void): Promise<{ error: unknown; inputPaths: string[] }> {
  let inputPaths: string[] = [];
  const eleventy = new Eleventy(path.relative(process.cwd(), path.join(dir, "input")), path.join(dir, "site"), {
    // No configuration file: only what each test configures.
    configPath: false,
    quietMode: true,
    dryRun: true,
    config(eleventyConfig) {
      eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }) => {
        inputPaths = Object.keys(inputPathToUrl);
      });
      configure(eleventyConfig);
    },
  });
  eleventy.disableLogger();
  const error = await eleventy.write().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, "the build was expected to fail").toBeDefined();
  return { error, inputPaths };
}

describe("a build that fails in the code", () => {
  it("names the page it was building, and the layout and line where Nunjucks stopped", async () => {
    await writeFile(path.join(dir, "input", "_includes", "page.njk"), "<main>\n  <h1>{% if %}{{ title }}</h1>\n</main>\n");
    const { error, inputPaths } = await failedBuild(() => undefined);
    const message = describeTemplateFailure(error, inputPaths);
    expect(message).toMatch(/^\S*input\/(about|contact)\.md: template error in \S*input\/_includes\/page\.njk line 2: unexpected token: %}$/);
  });

  it("names the page it was building when Nunjucks stops after the page's turn to be drawn", async () => {
    // As layouts/drawn-in-turn.njk: the page waits for its turn, then extends the layout its data names,
    // in a callback of the turn's, beyond Nunjucks' own error handling; here the data names none.
    await writeFile(path.join(dir, "input", "_includes", "page.njk"), "{{ page.url | renderTurn }}{% extends contentLayout %}\n");
    const build = new BuildContext(new SiteOutputs(path.join(dir, "site"), { writesPages: true, toDisk: false, hold: true }));
    const { error, inputPaths } = await failedBuild((eleventyConfig) => eleventyConfig.addPlugin(renderTurns, build));
    expect(describeTemplateFailure(error, inputPaths)).toMatch(/^\S*input\/(about|contact)\.md: template error: template names must be a string: undefined$/);
  });

  it("fails with the transform's name when a transform would run after site-outputs has written the page", async () => {
    await writeFile(path.join(dir, "input", "_includes", "page.njk"), "<main>{{ content | safe }}</main>\n");
    const build = new BuildContext(new SiteOutputs(path.join(dir, "site"), { writesPages: true, toDisk: false, hold: true }));
    const read: string[] = [];
    const { error, inputPaths } = await failedBuild((eleventyConfig) => {
      eleventyConfig.addPlugin(siteOutputs, build);
      // Added after site-outputs: it would read a space where the page was.
      eleventyConfig.addPlugin((late: EleventyConfig) =>
        addPageTransform(late, build.outputs, "late-reader", (_page, html) => {
          read.push(html);
          return html;
        }),
      );
    });
    expect(read).toEqual([]);
    expect(describeTemplateFailure(error, inputPaths)).toMatch(
      /: template error: the "late-reader" transform ran on \/(about|contact)\/index\.html after the site-outputs plugin had written it: add its plugin before site-outputs, the last in \.eleventy\.ts$/,
    );
  });

  it("once a failed build stops its outputs, waits for the files being written and writes no more, so its folder can be removed whole", async () => {
    const site = path.join(dir, "site");
    const outputs = new SiteOutputs(site, { writesPages: false, toDisk: true, hold: false });
    const writing = outputs.writeAll(Array.from({ length: 200 }, (_, n) => [`/search/chunk-${n}.json`, "{}"] as const));
    await outputs.stop();
    // What was being written is written: nothing is left to land in the folder once it is removed.
    const written = (await readdir(path.join(site, "search"))).length;
    expect(written).toBeGreaterThan(0);
    await rm(site, { recursive: true });
    await writing;
    await outputs.write("/search/manifest.json", "{}");
    outputs.writePage(path.join(site, "about", "index.html"), "<main>About</main>");
    expect(existsSync(site)).toBe(false);
  });
});
