// The part of Eleventy's programmatic API the build uses (Eleventy ships no type declarations).
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string | false; quietMode?: boolean; dryRun?: boolean; config?: (eleventyConfig: import("./types.ts").EleventyConfig) => void },
    );
    disableLogger(): void;
    /** The passthrough copies, then every template as written (its content after transforms); a dry run writes nothing. */
    write(): Promise<[unknown, Array<{ url: string; outputPath: string | false; content: string }>]>;
  }
}
