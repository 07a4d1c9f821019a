// Child process of `npm run bench`: the floor under any static site generator. Reads each Markdown
// file, parses its front matter, renders it with markdown-it and writes it in a minimal page.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";
import { listFiles } from "../../../src/content/content-files.ts";

const [contentDir, outputDir] = process.argv.slice(2) as [string, string];
const markdown = new MarkdownIt({ html: true });
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
let pages = 0;
for (const file of (await listFiles(contentDir)).filter((name) => name.endsWith(".md"))) {
  const { data, content } = matter(await readFile(path.join(contentDir, file), "utf8"));
  const folder = path.join(outputDir, file.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, ""));
  await mkdir(folder, { recursive: true });
  await writeFile(
    path.join(folder, "index.html"),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(String(data.title ?? ""))}</title></head><body><main>${markdown.render(content)}</main></body></html>`,
  );
  pages += 1;
}
console.log(`Built ${pages} pages`);
