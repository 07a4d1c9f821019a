// The content editor in Chromium, saving through npm run edit's local proxy (decap-server in git
// mode) to a repository of the test's own that holds a copy of the sample content: a service made
// with the form lands on a branch, passes the content check and builds to a page; an information
// page's title changes on a branch of its own, and only that line of the file; a form with a
// required field missing is refused. And /admin/ as deployed loads under its own CSP with no
// violations, for search engines to leave out.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git, type LocalEditor, serveLocalEditor } from "../../scripts/support/local-cms.ts";
import { validateContent } from "../../src/content/validate.ts";
import { CMS_URL } from "../../src/lib/cms.ts";
import { contentSecurityPolicy } from "../../src/pipeline/security-headers.ts";
import { headersFor, readHeaderRules } from "../../src/server/netlify-headers.ts";
import { netlifyToml } from "../../src/project.ts";
import { launchChromium, type ServedSite, serveSampleSite } from "../helpers/browser.ts";
import { runScript } from "../helpers/project.ts";
import { sharedSampleSite } from "../helpers/sample-site.ts";

const session = {} as { editor: LocalEditor; served: ServedSite; browser: Browser; context: BrowserContext; page: Page; violations: string[] };

/** Records CSP violations as the browser reports them, before any page script runs. */
async function withViolations(context: BrowserContext, into: string[]): Promise<void> {
  await context.exposeFunction("reportViolation", (line: string) => into.push(line));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(line: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

beforeAll(async () => {
  const sample = await sharedSampleSite();
  [session.editor, session.served, session.browser] = await Promise.all([
    serveLocalEditor(sample.site, path.join(sample.dir, "content")),
    serveSampleSite(),
    launchChromium(),
  ]);
  session.context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  session.violations = [];
  await withViolations(session.context, session.violations);
  session.page = await session.context.newPage();
  await session.page.goto(`${session.editor.base}${CMS_URL}`);
  // Local: Decap found the proxy, so signing in needs no account.
  await session.page.getByRole("button", { name: "Login" }).click();
  await session.page.getByRole("heading", { name: "Collections" }).waitFor();
});

afterAll(async () => {
  await session.browser?.close();
  await session.editor?.close();
  await session.served?.close();
  if (session.editor) await rm(session.editor.repo, { recursive: true, force: true });
});

/** The branches the editor has made, each a pull request on GitHub. */
const editorBranches = () =>
  git(session.editor.repo, "branch", "--list", "cms/*")
    .split("\n")
    .map((line) => line.replace(/^[*+]?\s*/, ""))
    .filter(Boolean);

/**
 * A file as the editor's branch has it once the proxy has committed `saved` there: the proxy makes
 * the branch from main, then writes and commits.
 */
async function savedFile(branch: string, file: string, saved: string): Promise<string> {
  let text = "";
  await expect
    .poll(() => {
      try {
        text = git(session.editor.repo, "show", `${branch}:${file}`);
      } catch {
        text = "";
      }
      return text.includes(saved);
    })
    .toBe(true);
  return text;
}

/** A form's field by its label, which Decap follows with "(optional)" for fields that may be left out. */
const field = (label: string) => session.page.getByLabel(new RegExp(`^${label}( \\(optional\\))?$`));

// One page, one proxy and one repository, in order: each test goes on from where the last left off.
describe("the content editor, saving through npm run edit's local proxy", () => {
  it("refuses to save a new service with its required fields empty, and makes no branch", async () => {
    const { page } = session;
    await page.goto(`${session.editor.base}${CMS_URL}#/collections/services/new`);
    await field("Title").waitFor();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Title is required.").waitFor();
    expect(await page.getByText("Categories is required.").count()).toBe(1);
    expect(await page.getByText(/missed a required field/).count()).toBe(1);
    expect(editorBranches()).toEqual([]);
  });

  it("saves a service made with the form as a branch, whose file passes the content check and builds to the service's page", async () => {
    const { page } = session;
    await field("Title").fill("Hartsfield Saturday sensory club");
    await field("Description").fill("Sensory play for children with SEND and their brothers and sisters, every Saturday morning in term time.");
    for (const [label, choice] of [
      ["Categories", "Short breaks and activities"],
      ["Needs", "Autism"],
    ] as const) {
      await field(label).fill(choice);
      await page.keyboard.press("Enter");
    }
    await field("Min").fill("0");
    await field("Max").fill("11");
    await field("Cost").fill("Free");
    await field("Phone").fill("01632 960777");
    await field("Last reviewed").fill("2026-12-01");
    await page.getByRole("button", { name: "Save" }).click();
    const file = "content/services/hartsfield-saturday-sensory-club.md";
    const saved = await savedFile("cms/services/hartsfield-saturday-sensory-club", file, "title: Hartsfield Saturday sensory club");
    expect(editorBranches()).toEqual(["cms/services/hartsfield-saturday-sensory-club"]);
    expect(saved).toMatch(/^---\ntitle: Hartsfield Saturday sensory club\n/);
    expect(saved).toContain("categories:\n  - short-breaks-and-activities\n");
    expect(saved).toContain("lastReviewed: 2026-12-01\n");

    // The branch's content, checked as npm run check checks it and built as Netlify builds a pull request.
    const dir = await mkdtemp(path.join(tmpdir(), "local-offer-cms-build-"));
    try {
      // The sample content is what the repository's main has (its working tree is the proxy's to switch).
      await cp(path.join((await sharedSampleSite()).dir, "content"), path.join(dir, "content"), { recursive: true });
      await writeFile(path.join(dir, file), saved);
      expect((await validateContent(path.join(dir, "content"))).problems).toEqual([]);
      const built = await runScript("build", ["content", "_site"], dir);
      expect(built.stderr).toBe("");
      const html = await readFile(path.join(dir, "_site/services/hartsfield-saturday-sensory-club/index.html"), "utf8");
      expect(html).toContain(">Hartsfield Saturday sensory club</h1>");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("changes an information page's title on a branch of its own, and only that line of the file", async () => {
    const { page } = session;
    // A fresh load of the editor, which keeps the local sign-in, rather than a move within it.
    await page.goto("about:blank");
    await page.goto(`${session.editor.base}${CMS_URL}#/collections/section-sen-support/entries/what-is-sen-support`);
    // The page's own title first: the form is filled in once the file has been read.
    await expect.poll(() => field("Title").inputValue()).toMatch(/SEN support/);
    await field("Title").fill("What SEN support is and who gets it");
    await page.getByRole("button", { name: "Save" }).click();
    await savedFile("cms/section-sen-support/what-is-sen-support", "content/sen-support/what-is-sen-support.md", "What SEN support is and who gets it");
    const diff = git(session.editor.repo, "diff", "--unified=0", "main", "cms/section-sen-support/what-is-sen-support");
    expect(diff.split("\n").filter((line) => /^[-+][^-+]/.test(line))).toEqual([
      expect.stringMatching(/^-title: /),
      "+title: What SEN support is and who gets it",
    ]);
  });

  it("opens the glossary, a list file, with every entry in its form", async () => {
    const { page } = session;
    await page.goto("about:blank");
    await page.goto(`${session.editor.base}${CMS_URL}#/collections/glossary/entries/glossary`);
    const entries = (await readFile(path.join(session.editor.repo, "content/_data/glossary.yaml"), "utf8")).match(/^- id: /gm)!.length;
    await page.getByText(`${entries} entries`, { exact: true }).waitFor();
    // The local policy, with the proxy added, let the editor do all of this with no violation.
    expect(session.violations).toEqual([]);
  });
});

describe("the content editor as deployed", () => {
  it("loads under /admin/'s own CSP with no violations, not for search engines, and offers GitHub sign-in", async () => {
    const rules = readHeaderRules(netlifyToml);
    const violations: string[] = [];
    const context = await session.browser.newContext();
    await withViolations(context, violations);
    const page = await context.newPage();
    const response = await page.goto(`${session.served.base}${CMS_URL}`);
    await page.getByRole("button", { name: "Login with GitHub" }).waitFor();
    const policy = response?.headers()["content-security-policy"];
    expect(policy).toBe(headersFor(CMS_URL, rules)["Content-Security-Policy"]);
    expect(policy).not.toBe(contentSecurityPolicy());
    expect(policy).not.toContain("localhost");
    expect(response?.headers()["x-robots-tag"]).toBe("noindex");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex, nofollow");
    expect(violations).toEqual([]);
    await context.close();
  });
});
