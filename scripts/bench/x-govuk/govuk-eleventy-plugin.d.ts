// The one export of x-govuk's GOV.UK Eleventy plugin the benchmark uses (it ships no type declarations).
declare module "@x-govuk/govuk-eleventy-plugin" {
  export function govukEleventyPlugin(eleventyConfig: unknown, options?: Record<string, unknown>): Promise<void>;
}
