// Stops the build before it writes anything when the content has problems, with every problem
// listed (the same checks as `npm run check`).
import { validateContent } from "../content/validate.ts";
import { ContentErrors } from "../content/problems.ts";
import type { EleventyConfig } from "./types.ts";

export default function validation(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    const { problems } = await validateContent(directories.input);
    if (problems.length > 0) throw new ContentErrors(problems);
  });
}
