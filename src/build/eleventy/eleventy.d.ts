// The part of Eleventy's programmatic API the build uses (Eleventy ships no type declarations).
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; dryRun?: boolean });
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}
