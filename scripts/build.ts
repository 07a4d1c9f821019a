// npm run build: checks the content, builds _site/ and swaps it in only if everything worked.
import { buildSite } from "../src/build/site-build.ts";

const result = await buildSite({ contentDir: process.argv[2], outputDir: process.argv[3] });
if (result.ok) {
  console.log(`Built ${result.pages} pages into ${result.outputDir} in ${(result.milliseconds / 1000).toFixed(1)} s.`);
} else {
  for (const message of result.messages) console.error(message);
  console.error(`\nThe site was not built${result.problems.length ? `: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in the content` : ""}. The last good site in ${process.argv[3] ?? "_site"} is unchanged.`);
  if (process.env.DEBUG && result.error) console.error(result.error);
  process.exit(1);
}
