// npm start: builds, serves on a port with netlify.toml's headers, and rebuilds when an editor
// saves a change, keeping the last good site when the change is broken.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { unzipSync, strFromU8 } from "fflate";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfContent, editText, projectRoot } from "./helpers/project.ts";

let dir: string;
let child: ChildProcess;
let output = "";
let base: string;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = await copyOfContent();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(path.join(projectRoot, "node_modules/.bin/tsx"), [path.join(projectRoot, "scripts/start.ts"), "content", "_site"], {
    cwd: dir,
    env: { ...process.env, PORT: String(port) },
    detached: true,
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  while (!output.includes(`Serving the site on http://localhost:${port}`)) {
    if (Date.now() - started > 60_000 || child.exitCode !== null) throw new Error(`npm start did not start serving:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});
afterAll(async () => {
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
  await rm(dir, { recursive: true, force: true });
});

/**
 * Edits a file as an editor would and waits for the build npm start begins after the edit to end,
 * so what it serves then is that build's, and a page without the edit is a stale page, not a slow one.
 */
async function editAndWaitForRebuild(relPath: string, edit: (text: string) => string): Promise<void> {
  await editText(dir, relPath, edit);
  // npm start hears of the change at least 30 ms after the write, so its line comes after this point.
  const since = output.length;
  const rebuilt = () => /change seen, rebuilding\.\.\.[\s\S]*(Built \d+ pages|The site was not built)/.test(output.slice(since));
  await expect.poll(rebuilt, { timeout: 60_000, interval: 100 }).toBe(true);
}

describe("npm start", () => {
  it("serves the site with the Content-Security-Policy the build writes", async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self'/);
  });

  it("takes the site's forms as Netlify Forms would, adding each to the file it names when it starts", async () => {
    const file = path.join(dir, ".cache", "form-submissions.jsonl");
    expect(output).toContain(`Feedback and reported changes sent from the site's forms are added to ${file}, one line each.`);
    const sent = { "form-name": "page-problem", "bot-field": "", page: "/senco/", doing: "Reading", "went-wrong": "<b>A \u001b[31mbroken\u001b[0m link</b>" };
    const response = await fetch(`${base}/thank-you/feedback/`, { method: "POST", body: new URLSearchParams(sent), redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/thank-you/feedback/");
    const [line] = (await readFile(file, "utf8")).split("\n");
    expect(JSON.parse(line!)).toMatchObject({
      form: "page-problem",
      postedTo: "/thank-you/feedback/",
      fields: { page: "/senco/", doing: "Reading", "went-wrong": sent["went-wrong"] },
    });
    // The terminal hears that it came, never what it says (its control characters would work on the terminal).
    await expect.poll(() => output).toMatch(/\d\d:\d\d:\d\d the page-problem form was sent: added to \.cache\/form-submissions\.jsonl\n/);
    expect(output).not.toContain("broken");
  });

  it("rebuilds when content changes, and keeps the last good site when a change is broken", async () => {
    const title = async () => /<h1 class="govuk-heading-xl">([^<]*)<\/h1>/.exec(await (await fetch(`${base}/senco/`)).text())?.[1];
    await editAndWaitForRebuild("content/senco/index.md", (text) => text.replace(/^title: .*$/m, "title: SENCOs in Hartsfield schools"));
    expect(await title(), "the page npm start served after rebuilding for the edit").toBe("SENCOs in Hartsfield schools");

    await editAndWaitForRebuild("content/senco/index.md", (text) => text.replace(/^title: .*$/m, "title: [broken"));
    expect(output).toMatch(/content\/senco\/index\.md:2: front matter is not valid YAML/);
    expect(await title()).toBe("SENCOs in Hartsfield schools");
  });

  it("shows each edit to a page's text, and then updates the downloadable copy", async () => {
    const page = async () => (await fetch(`${base}/senco/`)).text();
    const copied = async () => {
      const zip = await fetch(`${base}/offline/local-offer.zip`);
      if (!zip.ok) return "";
      return strFromU8(
        unzipSync(new Uint8Array(await zip.arrayBuffer()), { filter: (file) => file.name === "local-offer/senco/index.html" })[
          "local-offer/senco/index.html"
        ] ?? new Uint8Array(),
      );
    };
    await editAndWaitForRebuild("content/senco/index.md", (text) => `${text.replace(/^title: .*$/m, "title: SENCOs")}\n\nThe first sentence this test adds.\n`);
    expect(await page(), "the page npm start served after rebuilding for the first edit").toContain("The first sentence this test adds.");
    // The same file again: a build that kept anything of the last one (a file's text, a compiled
    // layout, a page's search reading) would serve the first edit here.
    await editAndWaitForRebuild("content/senco/index.md", (text) => text.replace("The first sentence", "The second sentence"));
    const second = await page();
    expect(second, "the page npm start served after rebuilding for the second edit").toContain("The second sentence this test adds.");
    expect(second).not.toContain("The first sentence this test adds.");
    await expect.poll(copied, { timeout: 60_000, interval: 500 }).toContain("The second sentence this test adds.");
    expect(await (await fetch(`${base}/offline/`)).text()).toMatch(/ZIP file, [\d.]+ (kB|MB), \d+ files/);
  });
});
