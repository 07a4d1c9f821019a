// npm run import:oruk, into copies of the sample content: the test feed from a file, a folder and a
// local ORUK API across several pages; importing again; removals; hand-written services; and input
// it must refuse with one clear line, changing nothing. The cases run the command in this process
// (importCommand, which scripts/import-oruk.ts runs); two run the real command line.
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureId, generatedService, listItemOf, servicesPage } from "../../scripts/support/oruk-services.ts";
import { serveOrukFeed, type OrukServer } from "../../scripts/support/oruk-server.ts";
import { BROKEN, fixtureServices, IMPORTED_COUNT, SPECIAL } from "../fixtures/oruk-feed.ts";
import { checkInProcess } from "../helpers/check.ts";
import { copyOfContent, editText, runScript, snapshotFolder, writeText } from "../helpers/project.ts";
import { importCommand } from "../../src/open-referral/import-command.ts";

let dir: string;
let server: OrukServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The command as an editor runs it in the project, but in this process: much faster than a process per case. */
async function importFeed(...args: string[]) {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await importCommand(args);
  } finally {
    process.chdir(cwd);
  }
}
const servicesDir = () => path.join(dir, "content", "services");

/** Writes the feed as one /services page, beside content/. */
async function feedFile(services = fixtureServices(), name = "feed.json"): Promise<void> {
  await writeText(dir, name, JSON.stringify(servicesPage(services, 1, services.length)));
}

/** The summary line of the report. */
const counts = (stdout: string) => stdout.split("\n")[1];

/** Files and their modification times, to show a run wrote nothing at all. */
async function modified(folder: string): Promise<Record<string, number>> {
  const files = Object.keys(await snapshotFolder(folder));
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, (await stat(path.join(folder, file))).mtimeMs] as const)));
}

async function expectNothingChangedBy(run: () => Promise<{ code: number; stdout: string; stderr: string }>, message: string | RegExp) {
  const before = await snapshotFolder(path.join(dir, "content"));
  const result = await run();
  expect(result.code).toBe(1);
  if (typeof message === "string") expect(result.stderr.trim()).toBe(message);
  else expect(result.stderr.trim()).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe("");
  expect(await snapshotFolder(path.join(dir, "content"))).toEqual(before);
}

describe("npm run import:oruk from a file", () => {
  it("imports the good services, reports the rest, and leaves content the check passes", async () => {
    dir = await copyOfContent();
    const handWritten = await snapshotFolder(servicesDir());
    await feedFile();
    const result = await importFeed("feed.json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("Imported from feed.json into content/services/:");
    expect(counts(result.stdout)).toBe(`added ${IMPORTED_COUNT}, changed 0, removed 0, unchanged 0, skipped 2, rejected 13.`);
    for (const { service, reasons } of BROKEN) {
      for (const reason of reasons) expect(result.stdout).toContain(reason);
      expect(result.stdout).toContain(`${String(service.id)} "${String(service.name)}"`);
    }
    expect(result.stdout).toContain(
      `Taxonomy terms with no mapping (add them to content/_data/oruk-mapping.yaml):\n  "Wheelchair users" in taxonomy council-send (id ${fixtureId(204, "term")}): 1 service\n`,
    );
    expect(result.stdout).toContain(
      `Services with more than one location (the page shows the first):\n  ${fixtureId(104)} "${String(SPECIAL.twoLocations.name)}": 2 locations`,
    );

    const after = await snapshotFolder(servicesDir());
    // Hand-written services are as they were.
    for (const [file, hash] of Object.entries(handWritten)) expect(after[file], file).toBe(hash);
    expect(Object.keys(after).length - Object.keys(handWritten).length).toBe(IMPORTED_COUNT);
    // A name a hand-written file has, or another record took first in id order, gets 8 hex digits of the id.
    const [first, second] = [fixtureId(101), fixtureId(102)].sort();
    expect(after["twin-name-club.md"]).toBeDefined();
    expect(await readFile(path.join(servicesDir(), "twin-name-club.md"), "utf8")).toContain(`orukId: ${first}`);
    expect(after[`twin-name-club-${second!.slice(0, 8)}.md`]).toBeDefined();
    expect(after[`watford-autism-family-group-${fixtureId(103).slice(0, 8)}.md`]).toBeDefined();
    expect(await readFile(path.join(servicesDir(), "st-albans-play-club-1.md"), "utf8")).toMatch(/\norukId: [0-9a-f-]{36}\nimportedFrom: feed.json\n---\n/);

    expect(await checkInProcess(dir)).toMatchObject({ code: 0, stderr: "" });
  });

  it("writes nothing when the same feed is imported again", async () => {
    dir = await copyOfContent();
    await feedFile();
    expect((await importFeed("feed.json")).code).toBe(0);
    const before = await modified(path.join(dir, "content"));
    const again = await importFeed("feed.json");
    expect(again.code).toBe(0);
    expect(counts(again.stdout)).toBe(`added 0, changed 0, removed 0, unchanged ${IMPORTED_COUNT}, skipped 2, rejected 13.`);
    expect(again.stdout).toContain("\nNothing written.");
    expect(await modified(path.join(dir, "content"))).toEqual(before);
  });

  it("changes a service in place, and removes services gone from the feed or no longer active", async () => {
    dir = await copyOfContent();
    const services = fixtureServices();
    await feedFile(services);
    await importFeed("feed.json");
    const renamed = services.map((service) => (service.id === fixtureId(0) ? { ...service, name: "A new name for the club" } : service));
    const withoutOne = renamed.filter((service) => service.id !== fixtureId(1));
    const closed = withoutOne.map((service) => (service.id === fixtureId(2) ? { ...service, status: "defunct" } : service));
    await feedFile(closed);
    const result = await importFeed("feed.json");
    expect(counts(result.stdout)).toBe(`added 0, changed 1, removed 2, unchanged ${IMPORTED_COUNT - 3}, skipped 3, rejected 13.`);
    expect(result.stdout).toContain("Changed:\n  content/services/st-albans-play-club-1.md\n");
    expect(result.stdout).toContain(
      "Removed (no longer in the feed, or no longer active):\n  content/services/stevenage-parent-support-group-2.md\n  content/services/watford-swimming-sessions-3.md\n",
    );
    const after = await snapshotFolder(servicesDir());
    expect(after["stevenage-parent-support-group-2.md"]).toBeUndefined();
    expect(after["watford-swimming-sessions-3.md"]).toBeUndefined();
    // The file keeps its name when the service's name changes.
    expect(await readFile(path.join(servicesDir(), "st-albans-play-club-1.md"), "utf8")).toContain("\ntitle: A new name for the club\n");
  });

  it("keeps the last good import of a service whose record breaks, and never touches files from elsewhere", async () => {
    dir = await copyOfContent();
    const services = fixtureServices();
    await feedFile(services);
    await importFeed("feed.json");
    // Another feed's file for the same service, and a hand edit that claims no feed.
    const other = (await readFile(path.join(servicesDir(), "st-albans-play-club-1.md"), "utf8")).replace("importedFrom: feed.json", "importedFrom: other.json");
    await writeText(dir, "content/services/other-feeds-club.md", other);
    const broken = services.map((service) => (service.id === fixtureId(0) ? { ...service, email: "broken" } : service));
    await feedFile(broken);
    const before = await snapshotFolder(servicesDir());
    const result = await importFeed("feed.json");
    expect(counts(result.stdout)).toBe(`added 0, changed 0, removed 0, unchanged ${IMPORTED_COUNT - 1}, skipped 2, rejected 14.`);
    expect(result.stdout).toContain(
      `  ${fixtureId(0)} "St Albans Play Club 1":\n    - contact.email: "broken" is not an email address (expected an email address, such as hello@example.org)\n    content/services/st-albans-play-club-1.md keeps what the last import wrote\n`,
    );
    expect(await snapshotFolder(servicesDir())).toEqual(before);
  });
});

describe("npm run import:oruk from a folder", () => {
  it("reads every .json file in it, counting a service given twice once", async () => {
    dir = await copyOfContent();
    const services = fixtureServices();
    await writeText(dir, "saved/page-1.json", JSON.stringify(servicesPage(services, 1, 40)));
    await writeText(dir, "saved/page-2.json", JSON.stringify(servicesPage(services, 2, 40)));
    // The whole record again, as /services/{id} saves it.
    await writeText(dir, "saved/one.json", JSON.stringify(services[0]));
    await writeText(dir, "saved/notes.txt", "not read");
    const result = await importFeed("saved");
    expect(result.stderr).toBe("");
    expect(counts(result.stdout)).toBe(`added ${IMPORTED_COUNT}, changed 0, removed 0, unchanged 0, skipped 2, rejected 13.`);
    expect(await readFile(path.join(servicesDir(), "st-albans-play-club-1.md"), "utf8")).toContain("\nimportedFrom: saved\n");
  });
});

describe("npm run import:oruk from an ORUK API", () => {
  it("follows every page and fetches each service whole", async () => {
    dir = await copyOfContent();
    const services = fixtureServices();
    server = await serveOrukFeed(services, { pageSize: 20 });
    const result = await importFeed(server.url);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")[0]).toBe(`Imported from ${server.url} into content/services/:`);
    expect(counts(result.stdout)).toBe(`added ${IMPORTED_COUNT}, changed 0, removed 0, unchanged 0, skipped 2, rejected 13.`);
    const pages = server.requests.filter((request) => request.startsWith("/services?"));
    expect(pages.sort()).toEqual([1, 2, 3, 4].map((page) => `/services?page=${page}&per_page=100`));
    expect(server.requests.filter((request) => request.startsWith("/services/")).length).toBe(services.length);
    expect(await readFile(path.join(servicesDir(), "st-albans-play-club-1.md"), "utf8")).toContain(`\nimportedFrom: ${server.url}\n`);
    expect(await checkInProcess(dir)).toMatchObject({ code: 0 });

    const again = await importFeed(server.url);
    expect(counts(again.stdout)).toBe(`added 0, changed 0, removed 0, unchanged ${IMPORTED_COUNT}, skipped 2, rejected 13.`);
  });

  it("changes nothing when a page fails, and says which", async () => {
    dir = await copyOfContent();
    server = await serveOrukFeed(fixtureServices(), {
      pageSize: 20,
      answer: (url, response) => {
        if (url.searchParams.get("page") !== "3") return false;
        response.writeHead(500).end("oops");
        return true;
      },
    });
    await expectNothingChangedBy(() => importFeed(server!.url), `${server.url}?page=3&per_page=100: the server answered 500 Internal Server Error`);
  });

  it("changes nothing when a service does not come in time", async () => {
    dir = await copyOfContent();
    const services = fixtureServices();
    const slow = String(services[5]!.id);
    server = await serveOrukFeed(services, { pageSize: 20, answer: (url) => url.pathname === `/services/${slow}` });
    await expectNothingChangedBy(() => importFeed(server!.url, "--timeout", "1"), `${server.url}/${slow}: no answer within 1 s`);
  });

  it("changes nothing when a page is not JSON, or not a page", async () => {
    dir = await copyOfContent();
    server = await serveOrukFeed(fixtureServices(), {
      pageSize: 20,
      answer: (url, response) => {
        if (url.searchParams.get("page") === "2") response.writeHead(200, { "content-type": "text/html" }).end("<html>Maintenance</html>");
        else if (url.searchParams.get("page") === "4") response.writeHead(200).end(JSON.stringify({ services: [] }));
        else return false;
        return true;
      },
    });
    await expectNothingChangedBy(
      () => importFeed(server!.url),
      new RegExp(`^${server.url.replace(/[.?]/g, "\\$&")}\\?page=(2&per_page=100: not JSON \\(|4&per_page=100: not a /services page)`),
    );
  });

  it("changes nothing when a service's list item has no whole record", async () => {
    dir = await copyOfContent();
    const services = fixtureServices();
    const missing = String(services[0]!.id);
    server = await serveOrukFeed(services, {
      answer: (url, response) => {
        if (url.pathname !== `/services/${missing}`) return false;
        response.writeHead(404).end();
        return true;
      },
    });
    await expectNothingChangedBy(() => importFeed(server!.url), `${server.url}/${missing}: the server answered 404 Not Found`);
  });

  it("changes nothing when an answer is too large to be a page", async () => {
    dir = await copyOfContent();
    server = await serveOrukFeed([], {
      answer: (_, response) => {
        // 60 MB of spaces, a megabyte at a time, as the client reads them.
        const megabyte = Buffer.alloc(1024 * 1024, " ");
        let sent = 0;
        response.writeHead(200, { "content-type": "application/json" });
        const pump = () => {
          while (sent < 60 && !response.destroyed) {
            sent++;
            if (!response.write(megabyte)) return;
          }
          response.end();
        };
        response.on("drain", pump);
        pump();
        return true;
      },
    });
    await expectNothingChangedBy(() => importFeed(server!.url), `${server.url}?page=1&per_page=100: the answer is over 50 MB (expected a page of services)`);
  });

  it("says when it cannot connect", async () => {
    dir = await copyOfContent();
    server = await serveOrukFeed([]);
    const { url } = server;
    await server.close();
    server = undefined;
    await expectNothingChangedBy(() => importFeed(url), `${url}?page=1&per_page=100: could not connect (ECONNREFUSED)`);
  });

  it("does not fetch services the list already gives whole", async () => {
    dir = await copyOfContent();
    const services = fixtureServices().slice(0, 10);
    server = await serveOrukFeed(services, {
      answer: (url, response) => {
        if (url.pathname !== "/services") return false;
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(servicesPage(services, 1, 100)));
        return true;
      },
    });
    expect((await importFeed(server.url)).code).toBe(0);
    expect(server.requests).toEqual(["/services?page=1&per_page=100"]);
    expect(listItemOf(services[0]).service_at_locations).toBeUndefined();
  });
});

describe("npm run import:oruk refuses bad input, changing nothing", () => {
  it("a file that is not JSON", async () => {
    dir = await copyOfContent();
    await writeText(dir, "feed.json", "{ not json");
    await expectNothingChangedBy(() => importFeed("feed.json"), /^feed\.json: not JSON \(.+\)$/);
  });

  it("JSON that is not a feed", async () => {
    dir = await copyOfContent();
    await writeText(dir, "feed.json", JSON.stringify({ items: [] }));
    await expectNothingChangedBy(
      () => importFeed("feed.json"),
      "feed.json: not an Open Referral UK feed (expected an Open Referral UK /services page with contents, or one service with id and name)",
    );
  });

  it("a page with something other than services in it", async () => {
    dir = await copyOfContent();
    await writeText(dir, "feed.json", JSON.stringify({ contents: [fixtureServices()[0], 42] }));
    await expectNothingChangedBy(
      () => importFeed("feed.json"),
      "feed.json: item 2 of contents is not a service (expected an Open Referral UK /services page with contents, or one service with id and name)",
    );
  });

  it("a bad file in a folder", async () => {
    dir = await copyOfContent();
    await writeText(dir, "saved/a.json", JSON.stringify(servicesPage(fixtureServices(), 1, 100)));
    await writeText(dir, "saved/b.json", "[1, 2");
    await expectNothingChangedBy(() => importFeed("saved"), /^saved\/b\.json: not JSON \(.+\)$/);
  });

  it("a file that is not there, and a folder with no feed in it", async () => {
    dir = await copyOfContent();
    await expectNothingChangedBy(
      () => importFeed("missing.json"),
      "missing.json: no such file or folder (expected a JSON file, a folder of them, or an https:// address)",
    );
    await writeText(dir, "empty/readme.txt", "nothing here");
    await expectNothingChangedBy(() => importFeed("empty"), "empty: the folder has no .json files (expected saved /services pages or services)");
  });

  it("no feed, or an unknown option, on the command line", async () => {
    dir = await copyOfContent();
    await expectNothingChangedBy(
      () => runScript("import-oruk", [], dir),
      "No feed given (expected npm run import:oruk -- <file|folder|URL> [--content <dir>] [--timeout <seconds>])",
    );
    await expectNothingChangedBy(
      () => runScript("import-oruk", ["feed.json", "--contents", "x"], dir),
      /^Unknown option '--contents'.*\(expected npm run import:oruk -- <file\|folder\|URL> \[--content <dir>\] \[--timeout <seconds>\]\)$/,
    );
  });

  it("a mapping file with problems, with the file and line like npm run check", async () => {
    dir = await copyOfContent();
    await feedFile();
    await editText(dir, "content/_data/oruk-mapping.yaml", (text) => text.replace("needs: [autism]", "needs: [autistic]"));
    await expectNothingChangedBy(
      () => importFeed("feed.json"),
      /^content\/_data\/oruk-mapping\.yaml:\d+ terms\[10\]\.needs\[0\]: "autistic" is unknown \(expected one of the needs in content\/_data\/lists\/needs\.yaml: .*\)\nFix these and import again\.$/,
    );
  });
});

describe("npm run import:oruk --content", () => {
  it("imports into another content folder, naming the feed from that folder's project, on the command line", async () => {
    dir = await copyOfContent();
    await writeFile(path.join(dir, "feed.json"), JSON.stringify(generatedService(0)));
    const result = await runScript("import-oruk", [path.join(dir, "feed.json"), "--content", path.join(dir, "content")]);
    expect(result.stderr).toBe("");
    expect(counts(result.stdout)).toBe("added 1, changed 0, removed 0, unchanged 0, skipped 0, rejected 0.");
    expect(await readFile(path.join(servicesDir(), "st-albans-play-club-1.md"), "utf8")).toContain("\nimportedFrom: feed.json\n");
  });
});
