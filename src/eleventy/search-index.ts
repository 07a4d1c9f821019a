// Writes the split search index into the built site's /search/ folder, from the pages as built:
// each page is read as Eleventy renders it.
import path from "node:path";
import { readGlossary } from "../content/glossary-file.ts";
import { documentsOfBuild, readDocument, startReadingDocuments, withSynonyms, type SearchDocument } from "../pipeline/search-documents.ts";
import { buildSplitIndex } from "../pipeline/split-index.ts";
import { writeOutput } from "./site-outputs.ts";
import type { EleventyConfig } from "./types.ts";

export default function searchIndex(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.before", startReadingDocuments);
  eleventyConfig.addTransform("search-documents", function (content) {
    if (typeof this.page.outputPath === "string" && this.page.outputPath.endsWith(".html")) readDocument(this.page.url, content);
    return content;
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const glossary = readGlossary(path.resolve(directories.input));
    const documents = [...documentsOfBuild()]
      // The search page itself is not a result.
      .filter(([url]) => url !== "/search/")
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, document]) => document)
      .filter((document): document is SearchDocument => document !== undefined)
      .map((document) => withSynonyms(document, glossary));
    const { manifest, files } = buildSplitIndex(documents);
    await writeOutput(directories.output, "/search/manifest.json", JSON.stringify(manifest));
    await Promise.all([...files].map(([name, contents]) => writeOutput(directories.output, `/search/${name}`, contents)));
  });
}
