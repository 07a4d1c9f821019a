// npm run check [folder]: checks content/ (or another folder) without building the site.
// In GitHub Actions (or with --annotations) each problem is also printed as an annotation on its
// line, and a summary of the problems and of the pages the pull request changes, linked to its
// deploy preview, is added to the run's page (src/content/check-report.ts).
import { execFileSync } from "node:child_process";
import { appendFile, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { annotation, changedFilesFrom, checkSummary, deployPreviewUrl, pullRequestNumber } from "../src/content/check-report.ts";
import { formatProblem, sortProblems, type ContentProblem } from "../src/content/problems.ts";
import { sourceFromText } from "../src/content/source.ts";
import { validateContent } from "../src/content/validate.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { annotations: { type: "boolean" } } });
const contentDir = path.resolve(positionals[0] ?? "content");

const git = (...args: string[]) => execFileSync("git", args, { cwd: contentDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();

/** The repository's top folder, which GitHub places annotations from. */
function repositoryRoot(): string {
  if (process.env.GITHUB_WORKSPACE) return process.env.GITHUB_WORKSPACE;
  try {
    return git("rev-parse", "--show-toplevel");
  } catch {
    return process.cwd();
  }
}

/** Annotations on stdout, where GitHub reads workflow commands, and the summary for the run's page. */
async function reportOnGitHub(problems: ContentProblem[], fileCount: number): Promise<void> {
  const root = repositoryRoot();
  const fromRoot = (file: string) => path.relative(root, path.resolve(file)).split(path.sep).join("/");
  for (const problem of sortProblems(problems)) console.log(annotation(problem, fromRoot(problem.file)));
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return;
  const contentFolder = fromRoot(contentDir);
  const base = process.env.GITHUB_BASE_REF;
  // On a pull request: what it changes against the branch it goes into (the checkout fetches it).
  let nameStatus = "";
  try {
    if (base) nameStatus = git("-C", root, "diff", "--name-status", `origin/${base}...HEAD`, "--", contentFolder);
  } catch {
    console.error(`Could not compare with origin/${base}: the summary lists no changed pages.`);
  }
  const changed = await Promise.all(
    changedFilesFrom(nameStatus, contentFolder).map(async (file) => {
      if (file.deleted || !file.file.endsWith(".md")) return file;
      const { source } = sourceFromText(await readFile(path.join(root, file.file), "utf8"), file.file, file.file);
      const permalink = source?.data.permalink;
      return typeof permalink === "string" ? { ...file, permalink } : file;
    }),
  );
  const pr = pullRequestNumber(process.env.GITHUB_REF);
  const site = process.env.NETLIFY_SITE_NAME;
  const previewUrl = pr !== undefined && site ? deployPreviewUrl(pr, site) : undefined;
  await appendFile(summaryFile, checkSummary({ problems, fileCount, changed, contentFolder, previewUrl, fileOf: (problem) => fromRoot(problem.file) }));
}

try {
  const { problems, fileCount } = await validateContent(contentDir);
  if (process.env.GITHUB_ACTIONS === "true" || values.annotations) await reportOnGitHub(problems, fileCount);
  if (problems.length > 0) {
    for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
    console.error(`\n${problems.length} problem${problems.length === 1 ? "" : "s"} found in ${fileCount} files. Fix them and run npm run check again.`);
    process.exit(1);
  }
  console.log(`Content checked: ${fileCount} files, no problems.`);
} catch (error) {
  console.error(`The check could not run: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(2);
}
