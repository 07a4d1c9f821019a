// Child process of `npm run bench`: an Eleventy build of a content folder with the configuration
// given (the bare one beside this file unless a third argument names another, such as x-govuk's).
import path from "node:path";
import Eleventy from "@11ty/eleventy";

const [contentDir, outputDir, configPath = path.join(import.meta.dirname, "eleventy.config.ts")] = process.argv.slice(2) as [string, string, string?];
const eleventy = new Eleventy(path.relative(process.cwd(), contentDir), outputDir, { configPath, quietMode: true });
const [, templates] = await eleventy.write();
console.log(`Built ${templates.length} pages`);
