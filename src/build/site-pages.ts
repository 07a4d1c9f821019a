// Every page of a built site as the address a browser would use.
import { readdir } from "node:fs/promises";
import path from "node:path";

export async function sitePages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => `/${path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}
