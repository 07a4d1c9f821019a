// The benchmark's yardstick: Eleventy with the same Markdown, one minimal Nunjucks layout and
// nothing else (no data files, no plugins, no checks, no search, no offline copy).
import path from "node:path";

interface BareConfig {
  directories: { input: string };
  setIncludesDirectory(dir: string): void;
  addGlobalData(name: string, value: unknown): void;
  setDataFileSuffixes(suffixes: string[]): void;
}

export default function (eleventyConfig: BareConfig) {
  eleventyConfig.setIncludesDirectory(path.relative(path.resolve(eleventyConfig.directories.input), import.meta.dirname));
  eleventyConfig.addGlobalData("layout", "layout.njk");
  eleventyConfig.setDataFileSuffixes([]);
}

export const config = { markdownTemplateEngine: false, templateFormats: ["md"] };
