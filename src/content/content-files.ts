// Finding content files and naming them the way editors see them.
import { closeSync, constants, openSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** A path as an editor would type it: relative to where they ran the command, when that is shorter. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith("..") ? absolute : relative).split(path.sep).join("/");
}

/**
 * Every file below dir, relative to it with forward slashes, skipping dotfiles and node_modules.
 * Symbolic links are neither listed nor followed, so nothing outside dir is ever read through one
 * (the content check reports them).
 */
export async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith(".") && entry.name !== "node_modules" && (entry.isFile() || entry.isDirectory()))
      .map((entry) =>
        entry.isDirectory() ? listFiles(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name)).split(path.sep).join("/")],
      ),
  );
  return nested.flat().sort();
}

/**
 * A content file's text, refusing to follow a symbolic link (the content check reports those), so
 * no check or build step reads a file from outside content/ through one.
 */
export async function readContentFile(absolute: string): Promise<string> {
  return readFile(absolute, { encoding: "utf8", flag: constants.O_RDONLY | constants.O_NOFOLLOW });
}

/** readContentFile, for the build's synchronous readers. */
export function readContentFileSync(absolute: string): string {
  const descriptor = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return readFileSync(descriptor, "utf8");
  } finally {
    closeSync(descriptor);
  }
}
