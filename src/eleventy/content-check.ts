// Stops the build before it writes anything when the content has problems, with every problem
// listed (the same checks as `npm run check`).
import { validateContent } from "../content/validate.ts";
import { ContentErrors } from "../content/problems.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import type { EleventyConfig } from "./types.ts";

export default function contentCheck(eleventyConfig: EleventyConfig, build: BuildContext): void {
  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    const { problems } = await validateContent(directories.input, build.rebuilding?.contentReadings);
    if (problems.length > 0) {
      // Eleventy stops on the error; the build reports the problems from here, one a line.
      build.contentProblems = problems;
      throw new ContentErrors(problems);
    }
  });
}
