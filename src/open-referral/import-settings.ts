// What npm run import:oruk needs from content/: the controlled lists and the mapping file, or the
// problems that stop it, as file:line lines like the content check's.
import { existsSync } from "node:fs";
import { displayPath } from "../content/content-files.ts";
import { dataFilePath, readDataFile } from "../content/data-files.ts";
import { schemaProblems } from "../content/describe-issue.ts";
import { formatProblem } from "../content/problems.ts";
import { CONTROLLED_LISTS, controlledListSchema } from "../content/schemas.ts";
import { readYamlData } from "../content/source.ts";
import type { MappingContext } from "./from-oruk.ts";
import { ORUK_MAPPING_FILE, orukMappingSchema, type OrukMapping } from "./oruk-mapping.ts";

type Lists = MappingContext["lists"];

export async function readImportSettings(contentDir: string): Promise<{ lists: Lists; mapping: OrukMapping } | { problems: string[] }> {
  const lists: Partial<Lists> = {};
  const problems: string[] = [];
  for (const name of CONTROLLED_LISTS) {
    const file = `lists/${name}.yaml` as const;
    const parsed = controlledListSchema.safeParse(existsSync(dataFilePath(contentDir, file)) ? readDataFile(contentDir, file) : undefined);
    if (parsed.success) lists[name] = parsed.data;
    else problems.push(`${displayPath(dataFilePath(contentDir, file))} is missing or has problems (run npm run check to see them)`);
  }
  if (problems.length > 0) return { problems };

  const mappingPath = dataFilePath(contentDir, ORUK_MAPPING_FILE);
  if (!existsSync(mappingPath)) return { lists: lists as Lists, mapping: {} };
  const loaded = await readYamlData(mappingPath, displayPath(mappingPath));
  if (Array.isArray(loaded)) return { problems: loaded.map(formatProblem) };
  const schema = orukMappingSchema(lists as Lists);
  const mappingProblems = schemaProblems(schema, loaded.data, displayPath(mappingPath), loaded.lineOf);
  if (mappingProblems.length > 0) return { problems: mappingProblems.map(formatProblem) };
  return { lists: lists as Lists, mapping: schema.parse(loaded.data) };
}
