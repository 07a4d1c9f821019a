// The content editor in the built sample site: /admin/ holds Decap's page, its configuration and
// its script, and nothing else on the site reaches any of them: no page links to it or loads its
// script, and search, the offline copy and the service worker leave it out.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { CMS_URL } from "../../src/lib/cms.ts";
import { sharedSampleSite } from "../helpers/sample-site.ts";

let site: string;
let contentDir: string;
/** Every file of the built site, by its path in the site ("/admin/index.html"). */
let files: string[];

beforeAll(async () => {
  const sample = await sharedSampleSite();
  site = sample.site;
  contentDir = path.join(sample.dir, "content");
  files = (await readdir(site, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`);
});

const read = (file: string) => readFile(path.join(site, file), "utf8");

describe("the content editor in the built site", () => {
  it("is a page with no inline script or style, for search engines to leave out, loading Decap's configuration and one module script", async () => {
    expect(
      files
        .filter((file) => file.startsWith(CMS_URL))
        .map((file) => file.replace(/\.[A-Z0-9]+\.js$/, ".<hash>.js"))
        .sort(),
    ).toEqual(["/admin/cms.<hash>.js", "/admin/config.yml", "/admin/index.html"]);
    const html = await read("/admin/index.html");
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<link rel="cms-config-url" type="text/yaml" href="/admin/config.yml">');
    expect([...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => [attributes, body])).toEqual([
      [expect.stringMatching(/^ type="module" src="\/admin\/cms\.[A-Z0-9]+\.js"$/), ""],
    ]);
    expect(html).not.toMatch(/<style|style="/);
    // The preview pane uses the site's own stylesheet.
    const stylesheet = /<meta name="app-preview-stylesheet" content="([^"]+)">/.exec(html)?.[1];
    expect(files).toContain(stylesheet);
  });

  it("is configured for the editorial workflow on GitHub, with a collection for each section of the content and no local proxy", async () => {
    const config = parseYaml(await read("/admin/config.yml")) as {
      backend: { name: string; repo: string };
      publish_mode: string;
      local_backend?: unknown;
      collections: Array<{ name: string; folder?: string }>;
    };
    expect(config.backend).toMatchObject({ name: "github", repo: "hartsfield-council/send-local-offer" });
    expect(config.publish_mode).toBe("editorial_workflow");
    expect(config.local_backend).toBeUndefined();
    const sections = [];
    for (const entry of await readdir(contentDir, { withFileTypes: true })) {
      if (entry.isDirectory() && (await readdir(path.join(contentDir, entry.name))).includes("index.md") && !["services"].includes(entry.name))
        sections.push(entry.name);
    }
    expect(config.collections.filter((collection) => collection.name.startsWith("section-")).map((collection) => collection.folder)).toEqual(
      sections.sort().map((section) => `content/${section}`),
    );
  });

  it("is reached from no other page or file: no link, no script, not in search, the offline copy or the service worker", async () => {
    const script = files.find((file) => /^\/admin\/cms\.[A-Z0-9]+\.js$/.test(file))!;
    const elsewhere = files.filter((file) => !file.startsWith(CMS_URL) && /\.(html|js|css|json|webmanifest|xml|txt)$/.test(file));
    expect(elsewhere.length).toBeGreaterThan(100);
    const mentions: string[] = [];
    for (const file of elsewhere) {
      const text = await read(file);
      if (text.includes(path.basename(script)) || /decap-cms|DecapCms/.test(text)) mentions.push(`${file}: loads or holds the editor's script`);
      // The service worker names /admin/ only to leave it alone.
      if (file !== "/sw.js" && /["'(=]\/admin\//.test(text)) mentions.push(`${file}: links to ${CMS_URL}`);
    }
    expect(mentions).toEqual([]);
    const copy = Object.keys(unzipSync(await readFile(path.join(site, "offline/local-offer.zip"))));
    expect(copy.length).toBeGreaterThan(100);
    expect(copy.filter((name) => name.includes("/admin/"))).toEqual([]);
    expect(await read("/sw.js")).not.toContain(path.basename(script));
  });
});
