// Reads the ready reckoners editors keep in content/reckoners/, one YAML file each.
import path from "node:path";
import { readdir } from "node:fs/promises";
import { schemaProblems } from "../content/describe-issue.ts";
import { displayPath } from "../content/files.ts";
import type { ContentProblem } from "../content/problems.ts";
import { readYamlData } from "../content/source.ts";
import { reckonerSchema } from "./schema.ts";
import type { ReckonerFile } from "./check.ts";

export const RECKONERS_FOLDER = "reckoners";

/** The page listing every reckoner. */
export const RECKONERS_INDEX_URL = `/${RECKONERS_FOLDER}/`;

/** Where a reckoner's pages are: its start page, then answers/… for each step. */
export const reckonerUrl = (name: string) => `/${RECKONERS_FOLDER}/${name}/`;

/** Every reckoner file whose shape is right, and the problems of those that are not. */
export async function readReckonerFiles(contentDir: string): Promise<{ files: ReckonerFile[]; problems: ContentProblem[] }> {
  const folder = path.join(contentDir, RECKONERS_FOLDER);
  const names = await readdir(folder).catch(() => [] as string[]);
  const files: ReckonerFile[] = [];
  const problems: ContentProblem[] = [];
  for (const name of names.sort()) {
    const absolute = path.join(folder, name);
    const file = displayPath(absolute);
    if (name.startsWith(".")) continue;
    if (!/\.ya?ml$/.test(name)) {
      problems.push({ file, line: 1, message: `only ready reckoners belong in content/${RECKONERS_FOLDER}/ (expected a .yaml file, such as support-at-school.yaml)` });
      continue;
    }
    const loaded = await readYamlData(absolute, file);
    if (Array.isArray(loaded)) {
      problems.push(...loaded);
      continue;
    }
    const found = schemaProblems(reckonerSchema, loaded.data, file, loaded.lineOf);
    problems.push(...found);
    if (found.length === 0) files.push({ file, stem: name.replace(/\.ya?ml$/, ""), definition: reckonerSchema.parse(loaded.data), lineOf: loaded.lineOf });
  }
  return { files, problems };
}
