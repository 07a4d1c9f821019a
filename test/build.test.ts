// The sample content built into a temporary folder (once for the whole run, by test/global-setup.ts),
// and what a family's browser would get.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import matter from "gray-matter";
import { beforeAll, describe, expect, it } from "vitest";
import { readHeaderRules } from "../src/server/netlify-headers.ts";
import { createStaticServer, listen } from "../src/server/static-server.ts";
import { projectRoot } from "./helpers/project.ts";
import { sampleSiteBuild } from "./helpers/sample-site.ts";

let dir: string;
let site: string;
/** As Nunjucks escapes text: Bishop's → Bishop&#39;s. */
const escapeHtml = (text: unknown) =>
  String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const html = (url: string) => readFile(path.join(site, url, url.endsWith(".html") ? "" : "index.html"), "utf8");
const frontMatter = async (relPath: string) => matter(await readFile(path.join(dir, "content", relPath), "utf8")).data as Record<string, unknown>;

beforeAll(async () => {
  // npm run build content _site, run once for the whole test run: it must succeed and print nothing on stderr.
  const { build, ...built } = await sampleSiteBuild();
  expect(build.stderr).toBe("");
  expect(build.code).toBe(0);
  ({ dir, site } = built);
});

describe("the built site", () => {
  it("has a page at /<section>/<page>/ for every information page and /services/<slug>/ for every service", async () => {
    const files = (await readdir(path.join(dir, "content"), { recursive: true })).filter((file) => file.endsWith(".md"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const data = await frontMatter(file);
      const url = typeof data.permalink === "string" ? data.permalink : `/${file.replace(/\.md$/, "").replace(/(^|\/)index$/, "")}/`.replace("//", "/");
      const page = await html(url);
      expect(page, url).toContain(`<h1 class="govuk-heading-xl">${escapeHtml(data.title)}</h1>`);
      expect(page, url).toContain(`<meta name="description" content="${escapeHtml(data.description)}">`);
    }
  });

  it("lists each section's pages on its index page in their order, and gives every page breadcrumbs and section navigation", async () => {
    // A section is a folder with an index page; content/reckoners/ holds question tools instead.
    const sections = (await readdir(path.join(dir, "content"), { withFileTypes: true })).filter(
      (entry) =>
        entry.isDirectory() && !entry.name.startsWith("_") && entry.name !== "services" && existsSync(path.join(dir, "content", entry.name, "index.md")),
    );
    expect(sections.length).toBeGreaterThanOrEqual(3);
    for (const { name } of sections) {
      const pages = (await readdir(path.join(dir, "content", name))).filter((file) => file.endsWith(".md") && file !== "index.md");
      const ordered = (await Promise.all(pages.map(async (file) => ({ file, data: await frontMatter(`${name}/${file}`) }))))
        .sort((a, b) => Number(a.data.order ?? 999) - Number(b.data.order ?? 999) || String(a.data.title).localeCompare(String(b.data.title)))
        .map(({ file }) => `/${name}/${file.replace(/\.md$/, "")}/`);
      const index = await html(`/${name}/`);
      const listed = [...index.slice(index.indexOf("Pages in this section")).matchAll(/<h3[^>]*><a class="govuk-link" href="([^"]+)"/g)].map(
        (match) => match[1],
      );
      expect(listed).toEqual(ordered);

      const sectionTitle = escapeHtml((await frontMatter(`${name}/index.md`)).title);
      for (const url of ordered) {
        const page = await html(url);
        const crumbs = [...page.matchAll(/<a class="govuk-breadcrumbs__link" href="([^"]+)">([^<]+)<\/a>/g)].map((match) => [match[1], match[2]]);
        expect(crumbs, url).toEqual([
          ["/", "Home"],
          [`/${name}/`, sectionTitle],
        ]);
        expect(page, url).toContain(`<a class="govuk-link" href="${url}" aria-current="page">`);
      }
    }
  });

  it("works out each service's coordinates from its postcode and shows the address and area", async () => {
    const sectors = new Map(
      (await readFile(path.join(projectRoot, "src/lib/postcodes/sectors.csv"), "utf8"))
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(","))
        .map(([sector, lat, lon]) => [sector!, [lat!, lon!]] as const),
    );
    const services = (await readdir(path.join(dir, "content/services"))).filter((file) => file.endsWith(".md") && file !== "index.md");
    expect(services.length).toBeGreaterThanOrEqual(10);
    let located = 0;
    for (const file of services) {
      const data = await frontMatter(`services/${file}`);
      const page = await html(`/services/${file.replace(/\.md$/, "")}/`);
      const location = data.location as { address: string; town: string; postcode: string } | undefined;
      if (!location) {
        expect(page).not.toContain("data-latitude");
        continue;
      }
      const sector = location.postcode.toUpperCase().replace(/\s*(\d)[A-Z]{2}$/, " $1");
      const [lat, lon] = sectors.get(sector)!;
      expect(page, file).toContain(`data-latitude="${Number(lat)}" data-longitude="${Number(lon)}" data-area="${sector}"`);
      expect(page, file).toContain(`Area: ${escapeHtml(location.town)} (${sector})`);
      expect(page, file).toContain(escapeHtml(location.address));
      expect(page, file).toContain(location.postcode);
      located += 1;
    }
    expect(located).toBeGreaterThanOrEqual(9);
  });

  it("lists services by category on /services/ and on a page per category, without JavaScript", async () => {
    const categories = parseYaml(await readFile(path.join(dir, "content/_data/lists/categories.yaml"), "utf8")) as Array<{ id: string; name: string }>;
    const services = (await readdir(path.join(dir, "content/services"))).filter((file) => file.endsWith(".md") && file !== "index.md");
    const index = await html("/services/");
    for (const category of categories) {
      const members = [];
      for (const file of services) {
        if (((await frontMatter(`services/${file}`)).categories as string[]).includes(category.id)) members.push(`/services/${file.replace(/\.md$/, "")}/`);
      }
      const page = await html(`/services/category/${category.id}/`);
      expect(page).toContain(`<h1 class="govuk-heading-xl">${escapeHtml(category.name)}</h1>`);
      const linked = [...page.matchAll(/<h3[^>]*><a class="govuk-link" href="(\/services\/[^"]+)"/g)].map((match) => match[1]).sort();
      expect(linked, category.id).toEqual(members.sort());
      expect(index).toContain(`href="/services/category/${category.id}/"`);
    }
  });

  it("has no inline scripts or styles, and hashed assets", async () => {
    const pages = (await readdir(site, { recursive: true })).filter((file) => file.endsWith(".html"));
    for (const file of pages) {
      const page = await readFile(path.join(site, file), "utf8");
      expect(page, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(page, file).not.toMatch(/<style|\sstyle=/);
      // The content editor's page is Decap's own, styled by its script (test/cms/cms-site.test.ts).
      if (!file.startsWith("admin/")) expect(page, file).toMatch(/<link rel="stylesheet" href="\/assets\/site\.[0-9a-f]{10}\.css">/);
    }
    expect(await html("/404.html")).toContain("Page not found");
  });

  it("shows the council's brand from the settings file, not the GOV.UK crown", async () => {
    const settings = parseYaml(await readFile(path.join(dir, "content/_data/settings.yaml"), "utf8")) as {
      councilName: string;
      siteName: string;
      baseUrl: string;
    };
    const home = await html("/");
    expect(home).toContain(settings.councilName);
    expect(home).toContain(settings.siteName);
    expect(home).toContain(`<link rel="canonical" href="${settings.baseUrl}/">`);
    expect(home).not.toMatch(/govuk-logo|Crown copyright|GDS Transport/);
    const footerLinks = [...home.matchAll(/<a class="govuk-footer__link" href="(\/[^"]*)">/g)].map((match) => match[1]);
    expect(footerLinks).toEqual(["/a-to-z/", "/saved-pages/", "/offline/", "/cookies/", "/accessibility/", "/privacy/", "/contact/", "/about/", "/open-data/"]);
    expect(await html("/about/")).toContain("Contains OS data © Crown copyright and database right 2025.");
  });
});

describe("the glossary and the sample notice", () => {
  it("lists every glossary entry on /glossary/ with an id links can use", async () => {
    const glossary = parseYaml(await readFile(path.join(dir, "content/_data/glossary.yaml"), "utf8")) as Array<{ id: string; definition: string }>;
    const page = await html("/glossary/");
    expect(glossary.length).toBeGreaterThanOrEqual(20);
    for (const entry of glossary) expect(page, entry.id).toMatch(new RegExp(`<dt [^>]*id="${entry.id}">`));
  });

  it("explains an abbreviation on its first use and lists the page's words with their definitions", async () => {
    const page = await html("/senco/what-a-senco-does/");
    const main = page.slice(page.indexOf("<main"), page.indexOf("</main>"));
    expect(main.match(/<abbr title="special educational needs co-ordinator">SENCOs?<\/abbr>/g)).toHaveLength(1);
    const details = main.slice(main.indexOf("What the words on this page mean"));
    expect(details).toContain("Special educational needs co-ordinator (SENCO)</dt>");
    expect(details).toContain("The teacher in a school or nursery who organises SEN support");
  });

  it("builds each reckoner's start page, a page per step kept out of search, its questions as JSON, and its cookies on /cookies/", async () => {
    const names = (await readdir(path.join(dir, "content/reckoners"))).map((file) => file.replace(/\.yaml$/, ""));
    expect(names.length).toBeGreaterThanOrEqual(2);
    const settings = parseYaml(await readFile(path.join(dir, "content/_data/settings.yaml"), "utf8")) as { baseUrl: string };
    const cookiesPage = await html("/cookies/");
    const list = await html("/reckoners/");
    const indexFolder = (await readdir(path.join(site, "search"))).find((entry) => entry.startsWith("index-"))!;
    const searchable = (
      await Promise.all(
        (
          await readdir(path.join(site, "search", indexFolder))
        )
          .filter((file) => file.startsWith("docs-"))
          .map((file) => readFile(path.join(site, "search", indexFolder, file), "utf8")),
      )
    ).flatMap((text) => (JSON.parse(text) as Array<[string]>).map(([url]) => url));
    for (const name of names) {
      const definition = parseYaml(await readFile(path.join(dir, "content/reckoners", `${name}.yaml`), "utf8")) as {
        title: string;
        expiryDays: number;
        questions: Array<{ question: string }>;
      };
      expect(await html(`/reckoners/${name}/`)).toContain(`<h1 class="govuk-heading-xl">${escapeHtml(definition.title)}</h1>`);
      expect(list).toContain(`href="/reckoners/${name}/">${escapeHtml(definition.title)}</a>`);
      const first = await html(`/reckoners/${name}/answers/`);
      expect(first).toContain(escapeHtml(definition.questions[0]!.question));
      // Search engines are pointed at the start page; site search leaves steps out (checked below).
      expect(first).toContain(`<link rel="canonical" href="${settings.baseUrl}/reckoners/${name}/">`);
      expect(first).not.toContain('name="robots"');
      const json = JSON.parse(await readFile(path.join(site, "reckoners", name, "reckoner.json"), "utf8")) as { name: string; version: string };
      expect(json.name).toBe(name);
      expect(json.version).toMatch(/^[0-9a-z]{6}$/);
      expect(cookiesPage).toContain(`<code>${name}-history</code> and <code>${name}-content</code>`);
      expect(cookiesPage).toContain(`${definition.expiryDays} days after you last use it`);
      expect(searchable).toContain(`/reckoners/${name}/`);
      expect(searchable.filter((url) => url.startsWith(`/reckoners/${name}/answers/`))).toEqual([]);
    }
  });

  it("says on every service page and on the directory that the services are samples", async () => {
    const services = (await readdir(path.join(dir, "content/services"))).filter((file) => file.endsWith(".md") && file !== "index.md");
    for (const file of services) expect(await html(`/services/${file.replace(/\.md$/, "")}/`), file).toContain("This is a sample entry");
    expect(await html("/services/")).toContain("The services listed here are sample entries");
  });
});

describe("the local server", () => {
  it("sends the headers netlify.toml declares (HSTS and CORP among them), the policy the build writes, the 404 page, and redirects to pretty URLs", async () => {
    const declared = parseToml(await readFile(path.join(projectRoot, "netlify.toml"), "utf8")) as {
      headers: Array<{ for: string; values: Record<string, string> }>;
    };
    // With analytics off, as in the sample settings, the policy the build writes in _headers is
    // the one netlify.toml had, to the byte, before analytics could be switched on.
    const everyPage: Record<string, string> = {
      ...declared.headers.find((rule) => rule.for === "/*")!.values,
      "Content-Security-Policy":
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'",
    };
    expect(await readFile(path.join(site, "_headers"), "utf8")).toContain(`/*\n  Content-Security-Policy: ${everyPage["Content-Security-Policy"]}\n`);
    expect(everyPage["Permissions-Policy"]).toContain("geolocation=(self)");
    expect(everyPage["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(everyPage["Cross-Origin-Resource-Policy"]).toBe("same-origin");

    const server = createStaticServer(site, readHeaderRules(path.join(projectRoot, "netlify.toml")));
    const base = await listen(server, 0);
    try {
      const page = await fetch(`${base}/sen-support/`);
      expect(page.status).toBe(200);
      for (const [name, value] of Object.entries(everyPage)) expect(page.headers.get(name), name).toBe(value);

      const css = (await html("/")).match(/\/assets\/site\.[0-9a-f]+\.css/)![0];
      const asset = await fetch(`${base}${css}`);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      // A page saved to disk loads its stylesheet from the site without CORS (see netlify.toml).
      expect(asset.headers.get("cross-origin-resource-policy")).toBe("cross-origin");

      // The content editor has a policy of its own, and search engines are told to leave it out.
      const editorRule = declared.headers.find((rule) => rule.for === "/admin/*")!.values;
      const editor = await fetch(`${base}/admin/`);
      expect(editor.headers.get("content-security-policy")).toBe(editorRule["Content-Security-Policy"]);
      expect(editorRule["Content-Security-Policy"]).not.toBe(everyPage["Content-Security-Policy"]);
      expect(editor.headers.get("x-robots-tag")).toBe("noindex");
      expect(editor.headers.get("cross-origin-opener-policy")).toBe("same-origin-allow-popups");
      expect(page.headers.get("x-robots-tag")).toBeNull();

      const missing = await fetch(`${base}/no-such-page/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain("Page not found");
      expect(missing.headers.get("content-security-policy")).toBe(everyPage["Content-Security-Policy"]);
      // As on Netlify, the headers file is read, never served.
      expect((await fetch(`${base}/_headers`)).status).toBe(404);

      const bare = await fetch(`${base}/sen-support`, { redirect: "manual" });
      expect(bare.status).toBe(301);
      expect(bare.headers.get("location")).toBe("/sen-support/");

      expect((await fetch(`${base}/..%2f..%2fetc/passwd`)).status).toBe(400);
    } finally {
      server.close();
    }
  });
});
