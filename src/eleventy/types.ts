// The small part of Eleventy's configuration API this project uses (Eleventy ships no types for it).

export interface EleventyItem {
  url: string;
  inputPath: string;
  outputPath: string | false;
  fileSlug: string;
  data: Record<string, unknown> & { title?: string };
}

export interface CollectionApi {
  getAll(): EleventyItem[];
}

export interface EleventyEventArgs {
  directories: { input: string; output: string; includes: string; data: string };
  runMode: string;
}

export interface EleventyConfig {
  directories: { input: string; output: string; includes: string; data: string };
  addPlugin(plugin: (config: EleventyConfig) => void | Promise<void>): void;
  addFilter(name: string, filter: (...args: any[]) => unknown): void;
  addCollection(name: string, collection: (api: CollectionApi) => unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addWatchTarget(target: string): void;
  /** Runs on each output file's content, in the order added; `this.page` is the page being written. */
  addTransform(name: string, transform: (this: { page: { url: string; outputPath: string | false } }, content: string) => string): void;
  /** A template that is not a file in the input folder (Eleventy 3's virtual templates). */
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  setLibrary(name: "md" | "njk", library: unknown): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  /** Globs of input files Eleventy does not read as templates. */
  ignores: Set<string>;
  /** Which data files beside templates Eleventy reads; none when empty. */
  setDataFileSuffixes(suffixes: string[]): void;
  on(event: "eleventy.before" | "eleventy.after", listener: (args: EleventyEventArgs) => unknown): void;
  /** Eleventy's own timings of the configuration's callbacks (internal; Eleventy is pinned). */
  benchmarks?: { config: { setIsVerbose(verbose: boolean): void } };
}
