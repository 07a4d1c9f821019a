// Reads the ready reckoners editors keep in content/reckoners/, one YAML file each.
import path from "node:path";
import { readdir } from "node:fs/promises";
import { schemaProblems } from "../describe-issue.ts";
import { displayPath } from "../content-files.ts";
import type { ContentProblem } from "../problems.ts";
import { readYamlData } from "../source.ts";
import { reckonerSchema } from "./reckoner-schema.ts";
import type { ReckonerFile } from "./reckoner-check.ts";

export const RECKONERS_FOLDER = "reckoners";

/** The page listing every reckoner. */
export const RECKONERS_INDEX_URL = `/${RECKONERS_FOLDER}/`;

/** Where a reckoner's pages are: its start page, then answers/… for each step. */
export const reckonerUrl = (name: string) => `/${RECKONERS_FOLDER}/${name}/`;

/** Every reckoner file whose shape is right, and the problems of those that are not. */
export async function readReckonerFiles(contentDir: string): Promise<{ files: ReckonerFile[]; problems: ContentProblem[] }> {
  const folder = path.join(contentDir, RECKONERS_FOLDER);
  // Only real .yaml files: the content check reports anything else here, symbolic links included.
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isFile() && !entry.name.startsWith(".") && entry.name.endsWith(".yaml")).map((entry) => entry.name);
  const files: ReckonerFile[] = [];
  const problems: ContentProblem[] = [];
  for (const name of names.sort()) {
    const absolute = path.join(folder, name);
    const file = displayPath(absolute);
    const loaded = await readYamlData(absolute, file);
    if (Array.isArray(loaded)) {
      problems.push(...loaded);
      continue;
    }
    const found = schemaProblems(reckonerSchema, loaded.data, file, loaded.lineOf);
    problems.push(...found);
    if (found.length === 0) files.push({ file, stem: name.replace(/\.yaml$/, ""), definition: reckonerSchema.parse(loaded.data), lineOf: loaded.lineOf });
  }
  return { files, problems };
}
