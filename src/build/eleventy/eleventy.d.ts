// The part of Eleventy's programmatic API the build uses (Eleventy ships no type declarations).
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string; quietMode?: boolean; dryRun?: boolean; config?: (eleventyConfig: import("./types.ts").EleventyConfig) => void },
    );
    disableLogger(): void;
    /** The passthrough copies, then every template as written (its content after transforms). */
    write(): Promise<[unknown, Array<{ url: string; outputPath: string | false; content: string }>]>;
    /** Every template rendered as write() would, with nothing written and no passthrough copies. */
    toJSON(): Promise<Array<{ url: string; outputPath: string | false; content: string }>>;
  }
}
