// npm run check [folder]: checks content/ (or another folder) without building the site.
import path from "node:path";
import { formatProblem, sortProblems } from "../src/content/problems.ts";
import { validateContent } from "../src/content/validate.ts";

const contentDir = path.resolve(process.argv[2] ?? "content");
try {
  const { problems, fileCount } = await validateContent(contentDir);
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
