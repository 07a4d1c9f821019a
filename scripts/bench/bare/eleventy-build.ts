// Child process of `npm run bench`: the bare Eleventy build of a content folder.
import path from "node:path";
import Eleventy from "@11ty/eleventy";

const [contentDir, outputDir] = process.argv.slice(2) as [string, string];
const eleventy = new Eleventy(path.relative(process.cwd(), contentDir), outputDir, {
  configPath: path.join(import.meta.dirname, "eleventy.config.ts"),
  quietMode: true,
});
const [, templates] = await eleventy.write();
console.log(`Built ${templates.length} pages`);
