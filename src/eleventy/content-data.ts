// The site's data as templates see it (settings, glossary, lists.categories, lists.needs), read from
// the known YAML files in content/_data/ and nowhere else (see content/data-files.ts). The Open
// Referral mapping is not among them: only the import reads it.
import path from "node:path";
import { readDataFile, TEMPLATE_DATA_FILES } from "../content/data-files.ts";
import type { EleventyConfig } from "./types.ts";

/** "lists/categories.yaml" → ["lists", "categories"]: where the file's data sits in templates. */
const dataPathOf = (name: string) => name.replace(/\.yaml$/, "").split("/");

export default function contentData(eleventyConfig: EleventyConfig): void {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  const topLevel = new Map<string, Array<(typeof TEMPLATE_DATA_FILES)[number]>>();
  for (const name of TEMPLATE_DATA_FILES) {
    const [top] = dataPathOf(name);
    topLevel.set(top!, [...(topLevel.get(top!) ?? []), name]);
  }
  for (const [top, names] of topLevel) {
    // Read as each build asks for it: npm start builds again after an edit.
    eleventyConfig.addGlobalData(top, () => {
      const [only] = names;
      if (names.length === 1 && dataPathOf(only!).length === 1) return readDataFile(contentDir, only!);
      return Object.fromEntries(names.map((name) => [dataPathOf(name).slice(1).join("."), readDataFile(contentDir, name)]));
    });
  }
}
