// The content check as `npm run check` runs it, but in the test's own process.
import path from "node:path";
import { formatProblem, sortProblems } from "../../src/content/problems.ts";
import { validateContent } from "../../src/content/validate.ts";
import type { ScriptResult } from "./project.ts";

/**
 * What `npm run check content` prints in dir, and its exit code, worked out in this process: the
 * same validateContent, the same order and the same lines as scripts/check.ts (test/check.test.ts
 * compares the two on the command line). Much faster than a process per case.
 */
export async function checkInProcess(dir: string, folder = "content"): Promise<ScriptResult> {
  const cwd = process.cwd();
  // Problems name files from where the command runs, as they do for an editor in the project.
  process.chdir(dir);
  try {
    const { problems, fileCount } = await validateContent(path.resolve(dir, folder));
    if (problems.length === 0) return { code: 0, stdout: `Content checked: ${fileCount} files, no problems.\n`, stderr: "" };
    const lines = sortProblems(problems).map(formatProblem);
    const summary = `${problems.length} problem${problems.length === 1 ? "" : "s"} found in ${fileCount} files. Fix them and run npm run check again.`;
    return { code: 1, stdout: "", stderr: `${lines.join("\n")}\n\n${summary}\n` };
  } catch (error) {
    return { code: 2, stdout: "", stderr: `The check could not run: ${error instanceof Error ? error.message : String(error)}\n` };
  } finally {
    process.chdir(cwd);
  }
}
