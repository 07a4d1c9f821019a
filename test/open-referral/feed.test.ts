// The static Open Referral UK feed in the sample site built once for the run: every file holds to
// the profile's schemas, the pages add up, every service is there once, and the feed stays out of
// the offline copy and the search index. Served as netlify.toml says, its API addresses answer.
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { serviceId } from "../../src/open-referral/ids.ts";
import type { ServicesPage } from "../../src/open-referral/feed.ts";
import { readHeaderRules } from "../../src/server/netlify-headers.ts";
import { readRewriteRules } from "../../src/server/netlify-rewrites.ts";
import { createStaticServer, listen } from "../../src/server/static-server.ts";
import { projectRoot } from "../helpers/project.ts";
import { errorsOf, orukValidators } from "../helpers/oruk-schemas.ts";
import { sharedSampleSite } from "../helpers/sample-site.ts";

const UUID_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

let dir: string;
let site: string;
const validators = orukValidators();
const readJson = async <T = Record<string, unknown>>(url: string) => JSON.parse(await readFile(path.join(site, url), "utf8")) as T;
const servicesDir = () => path.join(site, "openreferral/services");
const pageFiles = () => readdirSync(servicesDir()).filter((file) => /^page-\d+\.json$/.test(file));
const serviceFiles = () => readdirSync(servicesDir()).filter((file) => UUID_FILE.test(file));

/** The sample services, with the address and id the feed should give each. */
async function sampleServices(): Promise<Array<{ title: string; id: string }>> {
  const { baseUrl } = parseYaml(await readFile(path.join(dir, "content/_data/settings.yaml"), "utf8")) as { baseUrl: string };
  const files = readdirSync(path.join(dir, "content/services")).filter((file) => file.endsWith(".md") && file !== "index.md");
  return Promise.all(
    files.map(async (file) => {
      const data = matter(await readFile(path.join(dir, "content/services", file), "utf8")).data as { title: string; permalink?: string; orukId?: string };
      const url = data.permalink ?? `/services/${file.replace(/\.md$/, "")}/`;
      return { title: data.title, id: serviceId(data, baseUrl, url) };
    }),
  );
}

beforeAll(async () => {
  ({ dir, site } = await sharedSampleSite());
});

describe("the Open Referral feed", () => {
  it("answers / with the HSDS version, the profile and its API description, which is published beside it", async () => {
    const info = await readJson<{ version: string; profile: string; openapi_url: string }>("/openreferral/index.json");
    expect(validators.apiInfo(info), errorsOf(validators.apiInfo)).toBe(true);
    expect(info.version).toBe("3.0");
    const { baseUrl } = parseYaml(await readFile(path.join(dir, "content/_data/settings.yaml"), "utf8")) as { baseUrl: string };
    expect(info.openapi_url).toBe(`${baseUrl}/openreferral/openapi.json`);
    const published = await readFile(path.join(site, "openreferral/openapi.json"), "utf8");
    expect(published).toBe(await readFile(path.join(projectRoot, "src/open-referral/schema/openapi.json"), "utf8"));
  });

  it("validates every /services page against the Page schema and its items against service_list.json", async () => {
    const files = ["index.json", ...pageFiles()];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const page = await readJson<ServicesPage>(`/openreferral/services/${file}`);
      expect(validators.page(page), `${file}: ${errorsOf(validators.page)}`).toBe(true);
      expect(page.contents.length, file).toBeGreaterThan(0);
      for (const item of page.contents) expect(validators.serviceListItem(item), `${file} ${item.id}: ${errorsOf(validators.serviceListItem)}`).toBe(true);
    }
  });

  it("validates every service file against service.json, each named by its id", async () => {
    const files = serviceFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const service = await readJson<{ id: string }>(`/openreferral/services/${file}`);
      expect(validators.service(service), `${file}: ${errorsOf(validators.service)}`).toBe(true);
      expect(`${service.id}.json`).toBe(file);
    }
  });

  it("splits the services into pages of 100 whose counts add up, page 1 also at services/index.json", async () => {
    const samples = await sampleServices();
    const pages = await Promise.all(pageFiles().map((file) => readJson<ServicesPage>(`/openreferral/services/${file}`)));
    pages.sort((a, b) => a.page_number - b.page_number);
    const totalPages = Math.ceil(samples.length / 100);
    expect(pages.map((page) => page.page_number)).toEqual(Array.from({ length: totalPages }, (_, index) => index + 1));
    for (const page of pages) {
      expect(page.total_items).toBe(samples.length);
      expect(page.total_pages).toBe(totalPages);
      expect(page.size).toBe(page.contents.length);
      expect(page.size).toBe(page.page_number < totalPages ? 100 : samples.length - 100 * (totalPages - 1));
      expect(page.first_page).toBe(page.page_number === 1);
      expect(page.last_page).toBe(page.page_number === totalPages);
      expect(page.empty).toBe(false);
    }
    expect(pages.reduce((sum, page) => sum + page.size, 0)).toBe(samples.length);
    expect(await readJson("/openreferral/services/index.json")).toEqual(pages[0]);
  });

  it("lists every sample service once, with its id, and publishes it whole under that id", async () => {
    const samples = await sampleServices();
    const pages = await Promise.all(pageFiles().map((file) => readJson<ServicesPage>(`/openreferral/services/${file}`)));
    const listed = pages.flatMap((page) => page.contents);
    expect(listed.map((item) => item.id).sort()).toEqual(samples.map((sample) => sample.id).sort());
    expect(serviceFiles().sort()).toEqual(samples.map((sample) => `${sample.id}.json`).sort());
    for (const sample of samples) {
      expect(listed.find((item) => item.id === sample.id)?.name).toBe(sample.title);
      expect((await readJson<{ name: string }>(`/openreferral/services/${sample.id}.json`)).name).toBe(sample.title);
    }
  });

  it("is left out of the offline copy, the service worker's files and the search index", async () => {
    const zip = unzipSync(await readFile(path.join(site, "offline/local-offer.zip")));
    const zipped = Object.keys(zip);
    expect(zipped).toContain("local-offer/open-data/index.html");
    expect(zipped.filter((file) => file.includes("openreferral"))).toEqual([]);
    // In the copy, the developer page's links to the feed go to the live site.
    const copied = new TextDecoder().decode(zip["local-offer/open-data/index.html"]);
    const { baseUrl } = parseYaml(await readFile(path.join(dir, "content/_data/settings.yaml"), "utf8")) as { baseUrl: string };
    expect(copied).toContain(`href="${baseUrl}/openreferral/index.json"`);

    expect(await readFile(path.join(site, "sw.js"), "utf8")).not.toContain("/openreferral/");
    const searchFiles = readdirSync(path.join(site, "search"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".json"));
    expect(searchFiles.length).toBeGreaterThan(1);
    for (const file of searchFiles) expect(await readFile(path.join(site, "search", file), "utf8"), file).not.toContain('"/openreferral/');
  });

  it("has a page for developers, linked from the footer, that links to the feed and names the standard and its licence", async () => {
    const page = await readFile(path.join(site, "open-data/index.html"), "utf8");
    expect(page).toContain('href="/openreferral/index.json"');
    expect(page).toContain('href="/openreferral/services/index.json"');
    expect(page).toContain("Open Referral UK");
    expect(page).toContain('href="https://creativecommons.org/licenses/by-sa/4.0/"');
    expect(page).toContain("copyright the Open Referral project");
    expect(await readFile(path.join(site, "index.html"), "utf8")).toContain('<a class="govuk-footer__link" href="/open-data/">Open data</a>');
  });
});

describe("the feed served as netlify.toml says", () => {
  it("answers the ORUK API's addresses with JSON that any origin may read", async () => {
    const [first] = await sampleServices();
    const toml = path.join(projectRoot, "netlify.toml");
    const server = createStaticServer(site, readHeaderRules(toml), readRewriteRules(toml));
    const base = await listen(server, 0);
    try {
      const answers = {
        "/openreferral/": "/openreferral/index.json",
        "/openreferral/services": "/openreferral/services/index.json",
        "/openreferral/services/": "/openreferral/services/index.json",
        "/openreferral/services?page=1": "/openreferral/services/page-1.json",
        [`/openreferral/services/${first!.id}`]: `/openreferral/services/${first!.id}.json`,
        [`/openreferral/services/${first!.id}.json`]: `/openreferral/services/${first!.id}.json`,
      };
      for (const [address, file] of Object.entries(answers)) {
        const response = await fetch(`${base}${address}`);
        expect(response.status, address).toBe(200);
        expect(response.headers.get("content-type"), address).toBe("application/json; charset=utf-8");
        expect(response.headers.get("access-control-allow-origin"), address).toBe("*");
        expect(response.headers.get("cross-origin-resource-policy"), address).toBe("cross-origin");
        expect(await response.json(), address).toEqual(await readJson(file));
      }
      // A page past the last, and a query that would reach /search/manifest.json, get the 404 page.
      for (const address of ["/openreferral/services?page=999", "/openreferral/services?page=%2F..%2F..%2F..%2Fsearch%2Fmanifest"]) {
        expect((await fetch(`${base}${address}`)).status, address).toBe(404);
      }
      // The rest of the site keeps its own resource policy.
      expect((await fetch(`${base}/open-data/`)).headers.get("cross-origin-resource-policy")).toBe("same-origin");
    } finally {
      server.close();
    }
  });
});
