// Reads the glossary data file (content/_data/glossary.yaml), which the content check has
// validated before any page is built. An absent file is an empty glossary.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { GlossaryEntry } from "../lib/glossary.ts";

export function readGlossary(dataDir: string): GlossaryEntry[] {
  const file = path.join(dataDir, "glossary.yaml");
  return existsSync(file) ? ((parseYaml(readFileSync(file, "utf8")) as GlossaryEntry[] | null) ?? []) : [];
}
