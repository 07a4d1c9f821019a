// What an import will do to content/services/, worked out in full before anything is written: which
// files it adds, changes and removes, and what it skips and rejects. Only files this feed wrote
// (their importedFrom is this feed) are changed or removed; every other file keeps its name.
import { parse as parseYaml } from "yaml";
import { mapService, type MappingContext, type UnmappedTerm } from "./from-oruk.ts";
import { isNested } from "./oruk-feed.ts";
import { serviceFileText } from "./service-file.ts";

/** A service file already in content/services/. */
export interface ExistingFile {
  /** Without the folder, such as "play-club.md". */
  fileName: string;
  text: string;
}

export interface ImportPlan {
  writes: Array<{ fileName: string; text: string; change: "added" | "changed" }>;
  unchanged: string[];
  removals: string[];
  skipped: Array<{ id: string; name: string; reason: string }>;
  rejected: Array<{ id: string; name: string; reasons: string[]; keptFile?: string }>;
  /** Most used first. */
  unmappedTerms: Array<{ label: string; services: number }>;
  manyLocations: Array<{ id: string; name: string; locations: number }>;
}

/** File names the site keeps for itself in content/services/: the directory page, and the category pages' folder. */
const RESERVED_NAMES = ["index", "category"];

/**
 * orukId and importedFrom from a file's front matter, if it has them at the top level. Only their
 * two lines are parsed as YAML: reading every field of thousands of files would double an import's
 * time. A file whose front matter cannot be read has neither, so it counts as written by hand.
 */
function importFields(text: string): { orukId?: unknown; importedFrom?: unknown } {
  const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)?.[1];
  if (frontMatter === undefined) return {};
  const lines = frontMatter.split(/\r?\n/).filter((line) => /^(orukId|importedFrom):/.test(line));
  try {
    const data: unknown = parseYaml(lines.join("\n"));
    return data !== null && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * A free file name for a new service: its slugified name, or when that is taken, the name and the
 * first 8 hex digits of its id (then all of them, then a number, which only a very odd folder needs).
 */
function freeName(slugBase: string, id: string, taken: Set<string>): string {
  const hex = id.replace(/[^0-9a-f]/gi, "").toLowerCase();
  const candidates = [slugBase, `${slugBase}-${hex.slice(0, 8)}`, `${slugBase}-${hex}`];
  for (let n = 2; candidates.every((candidate) => taken.has(candidate)); n++) candidates.push(`${slugBase}-${hex}-${n}`);
  const name = candidates.find((candidate) => !taken.has(candidate))!;
  taken.add(name);
  return name;
}

const byIdOrder = (a: unknown, b: unknown) => {
  const [x, y] = [String((a as { id: unknown }).id), String((b as { id: unknown }).id)];
  return x < y ? -1 : x > y ? 1 : 0;
};

export function planImport(records: readonly unknown[], existing: readonly ExistingFile[], context: MappingContext): ImportPlan {
  const plan: ImportPlan = { writes: [], unchanged: [], removals: [], skipped: [], rejected: [], unmappedTerms: [], manyLocations: [] };

  // A service given twice counts once: a saved /services page and the service's own /services/{id}
  // file (the nested record wins), or two saved files that say the same.
  const byId = new Map<string, unknown>();
  const conflicting = new Set<string>();
  const unkeyed: unknown[] = [];
  for (const record of records) {
    const id = (record as { id?: unknown }).id;
    if (typeof id !== "string") unkeyed.push(record);
    else if (!byId.has(id)) byId.set(id, record);
    else {
      const [earlier, later] = [isNested(byId.get(id) as Record<string, unknown>), isNested(record as Record<string, unknown>)];
      if (later && !earlier) byId.set(id, record);
      else if (earlier === later && JSON.stringify(byId.get(id)) !== JSON.stringify(record)) conflicting.add(id);
    }
  }

  const ours = new Map<string, string>();
  const fileText = new Map<string, string>();
  for (const file of existing) {
    fileText.set(file.fileName, file.text);
    const { orukId, importedFrom } = importFields(file.text);
    if (importedFrom === context.importedFrom && typeof orukId === "string") ours.set(orukId, file.fileName);
  }

  const unmappedCounts = new Map<string, { label: string; services: number }>();
  const countUnmapped = (unmapped: UnmappedTerm[]) => {
    for (const term of new Map(unmapped.map((item) => [item.key, item])).values()) {
      const entry = unmappedCounts.get(term.key) ?? { label: term.label, services: 0 };
      entry.services++;
      unmappedCounts.set(term.key, entry);
    }
  };

  const services = [];
  const kept = new Set<string>();
  for (const record of [...[...byId.values()].sort(byIdOrder), ...unkeyed]) {
    const mapped = mapService(record, context);
    if (mapped.kind === "skipped") {
      plan.skipped.push({ id: mapped.id, name: mapped.name, reason: mapped.reason });
      continue;
    }
    countUnmapped(mapped.unmapped);
    const conflict = conflicting.has(mapped.kind === "service" ? mapped.service.id : mapped.id);
    if (mapped.kind === "rejected" || conflict) {
      const reasons = conflict ? ["the feed gives this id more than once, with different details"] : mapped.kind === "rejected" ? mapped.reasons : [];
      const { id, name } = mapped.kind === "service" ? mapped.service : mapped;
      // The last good import stays until the record is put right.
      const keptFile = ours.get(id);
      if (keptFile) kept.add(id);
      plan.rejected.push({ id, name, reasons, ...(keptFile && { keptFile }) });
      continue;
    }
    services.push(mapped.service);
    if (mapped.service.locations > 1) plan.manyLocations.push({ id: mapped.service.id, name: mapped.service.name, locations: mapped.service.locations });
  }

  const imported = new Set(services.map((service) => service.id));
  for (const [id, fileName] of ours) if (!imported.has(id) && !kept.has(id)) plan.removals.push(fileName);
  plan.removals.sort();

  // Names stay taken by every file there now, so a new file never takes a removed file's name in the same run.
  const taken = new Set([...RESERVED_NAMES, ...existing.map((file) => file.fileName.replace(/\.md$/, ""))]);
  for (const service of services) {
    const fileName = ours.get(service.id) ?? `${freeName(service.slugBase, service.id, taken)}.md`;
    const text = serviceFileText(service.frontMatter, service.body);
    const before = fileText.get(fileName);
    if (before === text) plan.unchanged.push(fileName);
    else plan.writes.push({ fileName, text, change: before === undefined ? "added" : "changed" });
  }

  plan.unmappedTerms = [...unmappedCounts.values()].sort((a, b) => b.services - a.services || a.label.localeCompare(b.label));
  return plan;
}
