// Writes the split search index into the built site's /search/ folder, from the pages as built.
import { readGlossary } from "../glossary-data.ts";
import { documentsOfBuild, withSynonyms, type BuiltPage, type SearchDocument } from "../search/documents.ts";
import { buildSplitIndex } from "../search/sharded-index.ts";
import { writeOutput } from "./site-outputs.ts";
import type { EleventyConfig } from "./types.ts";

export default function searchIndex(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    const glossary = readGlossary(directories.data);
    const documents = [...documentsOfBuild((results ?? []) as BuiltPage[])]
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
