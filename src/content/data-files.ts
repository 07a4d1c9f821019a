// The data files content/ may hold, by name, and how the build reads them. Eleventy reads none of
// content's data files itself: it would run a .js or .cjs file in its data folder, or beside a page,
// as code. The content-data plugin reads these, as YAML and nothing else.
import { existsSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { readContentFileSync } from "./content-files.ts";
import { settingsSchema, type Settings } from "./schemas.ts";

/** The folder in content/ that holds the site's data files. */
export const DATA_FOLDER = "_data";

/** The data files templates see, by their path in content/_data/. */
export const TEMPLATE_DATA_FILES = [
  "settings.yaml",
  "glossary.yaml",
  "lists/categories.yaml",
  "lists/needs.yaml",
  "lists/accessibility.yaml",
  "lists/areas.yaml",
] as const;

/** Every data file content/_data/ may hold. Nothing else in it is read. The Open Referral mapping is for npm run import:oruk only. */
export const DATA_FILES = [...TEMPLATE_DATA_FILES, "oruk-mapping.yaml"] as const;

export type DataFileName = (typeof DATA_FILES)[number];

export function dataFilePath(contentDir: string, name: DataFileName): string {
  return path.join(contentDir, DATA_FOLDER, name);
}

/**
 * A data file's contents, once the content check has passed it; undefined when it is absent.
 * Parsed as plain YAML: no tags that make objects, and the YAML library's limit on aliases.
 */
export function readDataFile(contentDir: string, name: DataFileName): unknown {
  const file = dataFilePath(contentDir, name);
  return existsSync(file) ? (parseYaml(readContentFileSync(file)) ?? undefined) : undefined;
}

/**
 * The settings as settings.yaml has them (as the layouts show them: the schema's parse would trim
 * them), once they pass the schema the content check holds them to; undefined when they are missing
 * or do not, which the content check reports with file and line. The build reads the base URL for
 * --absolute-links before the check has run.
 */
export function readSettings(contentDir: string): Settings | undefined {
  try {
    const settings = readDataFile(contentDir, "settings.yaml");
    return settingsSchema.safeParse(settings).success ? (settings as Settings) : undefined;
  } catch {
    return undefined;
  }
}
