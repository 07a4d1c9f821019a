// npm run docs:screenshots: the pictures in EDITING.md, taken from the real site and content
// editor running on this computer (as npm run edit runs them, on a copy of the content in a
// repository of its own), so they show what editors will see. Writes PNGs 1000 pixels wide into
// docs/editing/.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { chromium, type Page } from "playwright-core";
import { annotation, changedFilesFrom, checkSummary, deployPreviewUrl } from "../src/content/check-report.ts";
import { validateContent } from "../src/content/validate.ts";
import { CMS_URL } from "../src/lib/cms.ts";
import { buildSite } from "../src/pipeline/site-build.ts";
import { contentDir, projectRoot } from "../src/project.ts";
import { CHROMIUM_ARGS, chromiumPath } from "./support/chromium.ts";
import { git, serveLocalEditor } from "./support/local-cms.ts";

const outDir = path.join(projectRoot, "docs/editing");
const viewport = { width: 1000, height: 640 };

/** Saves what the page shows now as docs/editing/<name>.png. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`Wrote docs/editing/${name}.png`);
}

/**
 * The content check's summary on a pull request, drawn as GitHub draws a run's summary, for a copy
 * of the content with one mistake in it: what an editor sees when the check finds a problem.
 */
async function checkSummaryPage(repo: string): Promise<string> {
  const file = "content/services/hartsfield-sendiass.md";
  const { problems, fileCount } = await validateContent(path.join(repo, "content"));
  const fromRoot = (problemFile: string) => path.relative(repo, path.resolve(problemFile)).split(path.sep).join("/");
  const summary = checkSummary({
    problems,
    fileCount,
    changed: changedFilesFrom(`M\t${file}`, "content"),
    contentFolder: "content",
    previewUrl: deployPreviewUrl(42, "hartsfield-local-offer"),
    fileOf: (problem) => fromRoot(problem.file),
  });
  const commands = problems.map((problem) => annotation(problem, fromRoot(problem.file)));
  const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
body { font: 14px/1.5 system-ui, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
.box { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; margin: 16px; padding: 8px 24px 16px; }
.log { font: 12px/1.6 monospace; background: #24292f; color: #e6edf3; padding: 12px 16px; border-radius: 6px; margin: 16px; white-space: pre-wrap; }
.label { font-weight: 600; color: #57606a; margin: 16px 16px 0; }
table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 6px 12px; text-align: left; } code { font-size: 12px; }
</style></head><body>
<p class="label">"Check the content" step: each line becomes an annotation on the pull request's changed line</p>
<div class="log">${commands.map(escapeHtml).join("\n")}</div>
<p class="label">The run's summary</p>
<div class="box">${new MarkdownIt().render(summary)}</div>
</body></html>`;
}

const siteDir = await mkdtemp(path.join(tmpdir(), "local-offer-screenshots-"));
await mkdir(outDir, { recursive: true });
const built = await buildSite({ contentDir, outputDir: path.join(siteDir, "_site") });
if (!built.ok) throw new Error(`The site did not build:\n${built.messages.join("\n")}`);
const editor = await serveLocalEditor(path.join(siteDir, "_site"), contentDir);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport });
  const admin = `${editor.base}${CMS_URL}`;
  await page.goto(admin);
  await page.getByRole("button", { name: "Login" }).click();
  await page.getByRole("heading", { name: "Collections" }).waitFor();
  await page.goto(`${admin}#/collections/services`);
  await page.getByText("Hartsfield SEND Information, Advice and Support Service").waitFor();
  await shoot(page, "cms-collections");

  await page.goto(`${admin}#/collections/services/entries/hartsfield-sendiass`);
  const cost = page.getByLabel(/^Cost( \(optional\))?$/);
  await cost.waitFor();
  await cost.fill("Free, and always will be");
  await shoot(page, "cms-service-form");
  await page.getByRole("button", { name: "Save" }).click();
  // Saved: the entry is a branch, and a change waiting for review on the workflow board.
  for (let tries = 0; !git(editor.repo, "branch", "--list", "cms/*"); tries++) {
    if (tries > 100) throw new Error("the editor saved no branch");
    await page.waitForTimeout(100);
  }
  await page.goto("about:blank");
  await page.goto(`${admin}#/workflow`);
  await page.getByText("Hartsfield SEND Information, Advice and Support Service").waitFor();
  await shoot(page, "cms-workflow");

  // A mistake the check finds, as the pull request's checks report it.
  const broken = await mkdtemp(path.join(tmpdir(), "local-offer-screenshots-content-"));
  await rm(broken, { recursive: true });
  git(tmpdir(), "clone", "-q", editor.repo, broken);
  const service = path.join(broken, "content/services/hartsfield-sendiass.md");
  await writeFile(service, (await readFile(service, "utf8")).replace("postcode: AL1 3JE", "postcode: AL1"));
  await page.setContent(await checkSummaryPage(broken));
  await shoot(page, "check-summary");
  await rm(broken, { recursive: true, force: true });
} finally {
  await browser.close();
  await editor.close();
  await rm(editor.repo, { recursive: true, force: true });
  await rm(siteDir, { recursive: true, force: true });
}
