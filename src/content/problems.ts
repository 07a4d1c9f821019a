// A problem an editor can act on: which file, which line, which field, what is wrong.

export interface ContentProblem {
  /** Path from the project root, with forward slashes, e.g. "content/services/x.md". */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** Front matter field, e.g. "contact.phone" or "categories[1]"; absent for body problems. */
  field?: string;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  const where = `${problem.file}:${problem.line}`;
  return problem.field ? `${where} ${problem.field}: ${problem.message}` : `${where}: ${problem.message}`;
}

export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Thrown by the build when content has problems, so the build stops before writing anything. */
export class ContentErrors extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
    super(`The content has ${count}:\n${sortProblems(problems).map(formatProblem).join("\n")}`);
    this.name = "ContentErrors";
    this.problems = problems;
  }
}
