// The pictures and documents editors put beside pages go into the site as they are. Eleventy
// would copy them, but the build runs it dry (see eleventy/site-outputs.ts), so they are copied here.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "../content/content-files.ts";
import { isDocumentFile } from "../content/allowed-files.ts";

/** The content folder's files that go into the site as they are, by path in the site, with their source. */
export async function copiedFiles(contentDir: string): Promise<Map<string, string>> {
  const copied = new Map<string, string>();
  for (const file of await listFiles(contentDir)) {
    if (isDocumentFile(file)) copied.set(`/${file}`, path.join(contentDir, file));
  }
  return copied;
}

/** Copies those files into a site being built. */
export async function copyIntoSite(siteDir: string, copied: ReadonlyMap<string, string>): Promise<void> {
  for (const [file, source] of copied) {
    const target = path.join(siteDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
  }
}
