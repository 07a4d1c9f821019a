// Writes the site's `_headers` file: the Content-Security-Policy, which allows an analytics
// provider's origins only when the settings switch it on (see src/pipeline/security-headers.ts).
import path from "node:path";
import { readSettings } from "../content/data-files.ts";
import { analyticsProviderOf } from "../lib/analytics/providers.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import { headersFile } from "../pipeline/security-headers.ts";
import { HEADERS_FILE_URL } from "../server/netlify-headers.ts";
import type { EleventyConfig } from "./types.ts";

export default function siteHeaders(eleventyConfig: EleventyConfig, build: BuildContext): void {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  eleventyConfig.on("eleventy.after", async () => {
    await build.outputs.write(HEADERS_FILE_URL, headersFile(analyticsProviderOf(readSettings(contentDir))));
  });
}
