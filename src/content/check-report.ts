// The content check's report on a pull request: each problem as a GitHub annotation on its line
// (a workflow command, https://docs.github.com/actions/reference/workflow-commands-for-github-actions),
// and a short Markdown summary for the run's page: the problems, and the pages the pull request
// changes, linked to the deploy preview Netlify builds for it. Pure: scripts/check.ts gathers the
// problems, the changed files and the addresses, and prints or writes what these make.
import path from "node:path";
import { RECKONERS_FOLDER, reckonerUrl } from "./reckoners/reckoner-files.ts";
import { urlOf } from "./model.ts";
import type { ContentProblem } from "./problems.ts";
import { sortProblems } from "./problems.ts";

/** A command's message: GitHub reads %, CR and LF in it as escapes. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value, where : and , also separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `file` is the problem's file from the repository's root, as GitHub places annotations. */
export function annotation(problem: ContentProblem, file: string): string {
  return `::error file=${escapeProperty(file)},line=${problem.line},title=${escapeProperty(problem.field ?? "content")}::${escapeData(problem.message)}`;
}

/** A changed file in content/, as git names it from the repository's root. */
export interface ChangedFile {
  /** "content/sen-support/x.md" */
  file: string;
  /** Whether the pull request deletes it. */
  deleted: boolean;
  /** A Markdown file's permalink, if its front matter has one. */
  permalink?: string;
}

/** Where a changed content file shows on the site, in words for the summary: an address, or what it changes. */
export function pageOf(changed: ChangedFile, contentFolder: string): { url?: string; what: string } {
  const relPath = path.posix.relative(contentFolder, changed.file);
  if (relPath.endsWith(".md")) return { url: urlOf(relPath, changed.permalink), what: "page" };
  if (relPath.startsWith(`${RECKONERS_FOLDER}/`) && relPath.endsWith(".yaml"))
    return { url: reckonerUrl(path.posix.basename(relPath, ".yaml")), what: "question tool" };
  if (relPath === "_data/glossary.yaml") return { url: "/glossary/", what: "the glossary, and every page using its words" };
  if (relPath.startsWith("_data/lists/")) return { url: "/services/", what: "the directory's lists" };
  if (relPath === "_data/settings.yaml") return { url: "/", what: "every page" };
  return { what: "a file" };
}

export interface SummaryInputs {
  problems: ContentProblem[];
  fileCount: number;
  changed: ChangedFile[];
  contentFolder: string;
  /** The deploy preview's address, https://deploy-preview-<n>--<site>.netlify.app, when it is known. */
  previewUrl: string | undefined;
  /** The problem's file from the repository's root. */
  fileOf(problem: ContentProblem): string;
}

/** The deploy preview of pull request `pr` on the Netlify site `siteName`. */
export function deployPreviewUrl(pr: number, siteName: string): string {
  return `https://deploy-preview-${pr}--${siteName}.netlify.app`;
}

/** Markdown table cells: no pipes or line breaks. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** The run's summary, in Markdown. */
export function checkSummary(inputs: SummaryInputs): string {
  const lines = ["## Content check", ""];
  const { problems } = inputs;
  if (problems.length === 0) lines.push(`No problems in ${inputs.fileCount} files.`, "");
  else {
    lines.push(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} to fix. Each is also marked on its line in the pull request's "Files changed" tab.`,
      "",
    );
    lines.push("| Where | Field | What is wrong |", "| --- | --- | --- |");
    for (const problem of sortProblems(problems))
      lines.push(`| \`${cell(inputs.fileOf(problem))}:${problem.line}\` | ${cell(problem.field ?? "")} | ${cell(problem.message)} |`);
    lines.push("");
  }
  if (inputs.changed.length > 0) {
    lines.push("### Pages this pull request changes", "");
    for (const changed of inputs.changed) {
      const { url, what } = pageOf(changed, inputs.contentFolder);
      const where = changed.deleted || !url ? "" : inputs.previewUrl ? ` [${url}](${inputs.previewUrl}${url})` : ` ${url}`;
      lines.push(`- \`${changed.file}\`${changed.deleted ? " (removed)" : ""}: ${what}${where}`);
    }
    lines.push("");
    if (!inputs.previewUrl) lines.push("Set the repository variable NETLIFY_SITE_NAME to link these to the deploy preview.", "");
  }
  return `${lines.join("\n")}\n`;
}

/** The content files in `git diff --name-status` output (a rename counts as removing one file and adding another). */
export function changedFilesFrom(nameStatus: string, contentFolder: string): Array<Omit<ChangedFile, "permalink">> {
  return nameStatus
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => {
      const [status = "", ...paths] = line.split("\t");
      const inContent = (file: string) => file.startsWith(`${contentFolder}/`);
      if (status.startsWith("R") && paths.length === 2) {
        return [
          { file: paths[0]!, deleted: true },
          { file: paths[1]!, deleted: false },
        ].filter((changed) => inContent(changed.file));
      }
      return paths[0] && inContent(paths[0]) ? [{ file: paths[0], deleted: status === "D" }] : [];
    });
}

/** The pull request's number from GITHUB_REF (refs/pull/<n>/merge), if the run is for one. */
export function pullRequestNumber(ref: string | undefined): number | undefined {
  const match = /^refs\/pull\/(\d+)\//.exec(ref ?? "");
  return match ? Number(match[1]) : undefined;
}
