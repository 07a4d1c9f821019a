// The small part of Eleventy's configuration API this project uses (Eleventy ships no types for it).

export interface EleventyItem {
  url: string;
  inputPath: string;
  outputPath: string | false;
  fileSlug: string;
  /** The template's text below its front matter, unrendered: a page's Markdown as written. */
  rawInput?: string;
  data: Record<string, unknown> & { title?: string };
}

export interface CollectionApi {
  getAll(): EleventyItem[];
}

/** The page a transform is given as `this.page`. */
export interface EleventyPage {
  url: string;
  outputPath: string | false;
}

export interface EleventyEventArgs {
  directories: { input: string; output: string; includes: string; data: string };
  runMode: string;
}

export interface EleventyConfig {
  directories: { input: string; output: string; includes: string; data: string };
  /** Runs `plugin(eleventyConfig, options)` once the configuration file has run, in the order added. */
  addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => void | Promise<void>, options: Options): void;
  addPlugin(plugin: (config: EleventyConfig) => void | Promise<void>): void;
  /** Whether a plugin of that function's name has been added. */
  hasPlugin(plugin: (config: EleventyConfig, options: never) => void | Promise<void>): boolean;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  /** A filter Nunjucks waits for: it gives its result to the callback, its last argument. */
  addNunjucksAsyncFilter(name: string, filter: (...args: never[]) => void): void;
  addCollection(name: string, collection: (api: CollectionApi) => unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addWatchTarget(target: string): void;
  /** Runs on each output file's content, in the order added; `this.page` is the page being written. */
  addTransform(name: string, transform: (this: { page: EleventyPage }, content: string) => string): void;
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
  /** After Eleventy has found every template and its address, before it renders any. */
  on(event: "eleventy.contentMap", listener: (maps: { inputPathToUrl: Record<string, string[]>; urlToInputPath: Record<string, unknown> }) => unknown): void;
  /** False: Eleventy reads and compiles every file afresh, rather than from caches that outlive it. */
  setUseTemplateCache(use: boolean): void;
}
