// A process that builds a site again and again as npm start does: one build for each line on its
// input, each answered with a line of JSON. (Eleventy's .ts configuration needs tsx, so the builds
// cannot run inside vitest itself.)
import readline from "node:readline";
import { RebuildState } from "../../src/pipeline/rebuilding.ts";
import { buildSite } from "../../src/pipeline/site-build.ts";

const [contentDir, outputDir] = process.argv.slice(2);
const rebuilding = new RebuildState();
for await (const _line of readline.createInterface({ input: process.stdin })) {
  const result = await buildSite({ contentDir, outputDir, rebuilding });
  const copyProblems = result.ok ? await result.offlineCopy : [];
  console.log(JSON.stringify({ ok: result.ok, messages: result.ok ? [] : result.messages, copyProblems }));
}
