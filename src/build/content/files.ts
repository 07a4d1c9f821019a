// Finding content files and naming them the way editors see them.
import { readdir } from "node:fs/promises";
import path from "node:path";

/** A path as an editor would type it: relative to where they ran the command, when that is shorter. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith("..") ? absolute : relative).split(path.sep).join("/");
}

/** Every file below dir, relative to it with forward slashes, skipping dotfiles and node_modules. */
export async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith(".") && entry.name !== "node_modules")
      .map((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name)).split(path.sep).join("/")])),
  );
  return nested.flat().sort();
}
