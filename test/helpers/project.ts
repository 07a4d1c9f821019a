// Runs the project's command-line scripts the way an editor or CI would, and makes throwaway copies
// of the sample content to break on purpose.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { projectRoot } from "../../src/project.ts";

export { projectRoot };
const tsx = path.join(projectRoot, "node_modules/.bin/tsx");

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs scripts/<name>.ts with the given arguments in cwd (default: the project root). */
export function runScript(name: string, args: string[] = [], cwd = projectRoot): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(tsx, [path.join(projectRoot, "scripts", `${name}.ts`), ...args], { cwd, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A temporary folder holding a copy of content/ as content/, so messages read content/... */
export async function copyOfContent(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "local-offer-test-"));
  await cp(path.join(projectRoot, "content"), path.join(dir, "content"), { recursive: true });
  return dir;
}

export async function writeText(dir: string, relPath: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, relPath)), { recursive: true });
  await writeFile(path.join(dir, relPath), text);
}

export async function editText(dir: string, relPath: string, edit: (text: string) => string): Promise<void> {
  const file = path.join(dir, relPath);
  const before = await readFile(file, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`the edit to ${relPath} changed nothing`);
  await writeFile(file, after);
}

/** 1-based line of the first line matching pattern, so tests do not hard-code sample content. */
export async function lineMatching(dir: string, relPath: string, pattern: RegExp): Promise<number> {
  const lines = (await readFile(path.join(dir, relPath), "utf8")).split("\n");
  const index = lines.findIndex((line) => pattern.test(line));
  if (index === -1) throw new Error(`no line of ${relPath} matches ${pattern}`);
  return index + 1;
}

/** The problem lines a failed check printed, without the closing summary. */
export function problemLines(result: ScriptResult): string[] {
  return result.stderr.split("\n").filter((line) => /^\S+:\d+[ :]/.test(line));
}

/** Every file below a folder, by its path in the folder, with a hash of its contents: to show a folder did not change. */
export async function snapshotFolder(folder: string): Promise<Record<string, string>> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const entries = await Promise.all(
    files.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [
        path.relative(folder, file),
        createHash("sha256")
          .update(await readFile(file))
          .digest("hex"),
      ] as const;
    }),
  );
  return Object.fromEntries(entries.sort());
}
