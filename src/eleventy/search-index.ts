// Writes the split search index into the built site's /search/ folder, from the pages as built:
// each page is read as Eleventy renders it, into the build's search documents.
import path from "node:path";
import { readGlossary } from "../content/glossary-file.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import { readDirectoryTopics } from "../pipeline/directory-topics.ts";
import { documentFromHtml, withSynonyms, type SearchDocument } from "../pipeline/search-documents.ts";
import { buildSplitIndex } from "../pipeline/split-index.ts";
import { escapeHtml } from "../lib/html.ts";
import { MANIFEST_META } from "../lib/search/format.ts";
import { addPageTransform } from "./site-outputs.ts";
import type { EleventyConfig } from "./types.ts";

/** The search page's meta tag for the manifest, which its layout leaves empty, set to the manifest. */
export function withManifest(html: string, manifest: string): string {
  return html.replace(new RegExp(`(<meta name="${MANIFEST_META}" content=")[^"]*"`), (_, start: string) => `${start}${escapeHtml(manifest)}"`);
}

export default function searchIndex(eleventyConfig: EleventyConfig, build: BuildContext): void {
  // The results page gets the manifest once the index is built (below).
  build.outputs.rewritesLater("/search/index.html");
  const readings = build.rebuilding?.searchDocuments;
  // The last build's readings are the ones this build may reuse.
  eleventyConfig.on("eleventy.before", () => readings?.finish());
  addPageTransform(eleventyConfig, build.outputs, "search-documents", ({ url, outputPath }, html) => {
    if (typeof outputPath === "string" && outputPath.endsWith(".html")) {
      const read = () => documentFromHtml(url, html);
      build.searchDocuments.set(url, readings ? readings.get(url, html, read) : read());
    }
    return html;
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const contentDir = path.resolve(directories.input);
    const glossary = readGlossary(contentDir);
    const documents = [...build.searchDocuments]
      // The search page itself is not a result.
      .filter(([url]) => url !== "/search/")
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, document]) => document)
      .filter((document): document is SearchDocument => document !== undefined)
      .map((document) => withSynonyms(document, glossary));
    const { manifest, files } = buildSplitIndex(documents, readDirectoryTopics(contentDir, glossary));
    await build.outputs.write("/search/manifest.json", JSON.stringify(manifest));
    await build.outputs.writeAll([...files].map(([name, contents]) => [`/search/${name}`, contents] as const));
    // The results page carries the manifest, so its first script can fetch the query's chunks at
    // once (src/browser/search/early-chunks.ts) and the search needs no request for it.
    await build.outputs.rewrite("/search/index.html", (html) => withManifest(html, JSON.stringify(manifest)));
  });
}
