// npm run import:oruk: imports the council directory's Open Referral UK services into
// content/services/, as docs/open-referral.md describes. The whole feed is read and mapped before
// anything is written, so bad input changes nothing. Exit codes: 0 imported (some records may be
// skipped or rejected, as the report says), 1 a problem with the input, 2 the import could not run.
import { mkdir, readdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { displayPath, readContentFile } from "../content/content-files.ts";
import { centroidTables } from "../content/postcode-tables.ts";
import { serviceSchema } from "../content/schemas.ts";
import { planImport, type ExistingFile, type ImportPlan } from "./import-plan.ts";
import { readImportSettings } from "./import-settings.ts";
import { FeedError, readFeed } from "./oruk-feed.ts";

const USAGE = "npm run import:oruk -- <file|folder|URL> [--content <dir>] [--timeout <seconds>]";
/** Requests to the directory at once: enough to be quick, few enough to be polite to a council server. */
const CONCURRENCY = 8;
const PER_PAGE = 100;

/** An input problem: one line, exit code 1, nothing written. */
class InputProblem extends Error {}

function stop(message: string): never {
  throw new InputProblem(message);
}

function readOptions(args: string[]): { source: string; contentDir: string; timeoutMs: number } {
  let parsed: ReturnType<typeof parseArgs<{ options: { content: { type: "string" }; timeout: { type: "string" } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: { content: { type: "string" }, timeout: { type: "string" } }, allowPositionals: true });
  } catch (error) {
    stop(`${(error as Error).message.split("\n")[0]} (expected ${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) stop(`${positionals.length === 0 ? "No feed given" : "More than one feed given"} (expected ${USAGE})`);
  const timeout = Number(values.timeout ?? 30);
  if (!(timeout > 0)) stop(`--timeout ${values.timeout}: not a number of seconds (expected ${USAGE})`);
  return { source: positionals[0]!, contentDir: path.resolve(values.content ?? "content"), timeoutMs: timeout * 1000 };
}

/** Every service file there now. A symbolic link is never read (the content check reports it), but keeps its name. */
async function existingFiles(servicesDir: string): Promise<ExistingFile[]> {
  const entries = await readdir(servicesDir, { withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.name.endsWith(".md") && !entry.isDirectory())
      .map(async (entry) => ({ fileName: entry.name, text: entry.isFile() ? await readContentFile(path.join(servicesDir, entry.name)) : "" })),
  );
}

/** Each file whole or not at all: written beside its place, then renamed over it. */
async function apply(plan: ImportPlan, servicesDir: string): Promise<void> {
  for (const { fileName, text } of plan.writes) {
    const temporary = path.join(servicesDir, `.${fileName}.${process.pid}.tmp`);
    await writeFile(temporary, text);
    await rename(temporary, path.join(servicesDir, fileName));
  }
  for (const fileName of plan.removals) await unlink(path.join(servicesDir, fileName));
}

function report(plan: ImportPlan, label: string, servicesDir: string): string {
  const file = (fileName: string) => displayPath(path.join(servicesDir, fileName));
  const added = plan.writes.filter((write) => write.change === "added").map((write) => write.fileName);
  const changed = plan.writes.filter((write) => write.change === "changed").map((write) => write.fileName);
  const lines = [
    `Imported from ${label} into ${displayPath(servicesDir)}/:`,
    `added ${added.length}, changed ${changed.length}, removed ${plan.removals.length}, unchanged ${plan.unchanged.length}, skipped ${plan.skipped.length}, rejected ${plan.rejected.length}.`,
  ];
  const section = (heading: string, items: string[]) => {
    if (items.length > 0) lines.push("", heading, ...items.map((item) => `  ${item}`));
  };
  section("Added:", added.map(file));
  section("Changed:", changed.map(file));
  section("Removed (no longer in the feed, or no longer active):", plan.removals.map(file));
  section(
    "Skipped:",
    plan.skipped.map((skip) => `${skip.id} "${skip.name}": ${skip.reason}`),
  );
  section(
    "Rejected (not written):",
    plan.rejected.flatMap((reject) => [
      `${reject.id} "${reject.name}":`,
      ...reject.reasons.map((reason) => `  - ${reason}`),
      ...(reject.keptFile ? [`  ${file(reject.keptFile)} keeps what the last import wrote`] : []),
    ]),
  );
  section(
    "Taxonomy terms with no mapping (add them to content/_data/oruk-mapping.yaml):",
    plan.unmappedTerms.map((term) => `${term.label}: ${term.services} service${term.services === 1 ? "" : "s"}`),
  );
  section(
    "Services with more than one location (the page shows the first):",
    plan.manyLocations.map((service) => `${service.id} "${service.name}": ${service.locations} locations`),
  );
  if (plan.writes.length === 0 && plan.removals.length === 0) lines.push("", "Nothing written.");
  return lines.join("\n");
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The whole command, given its arguments, as scripts/import-oruk.ts runs it: what it prints and
 * its exit code. Paths are read from the working directory, as an editor's command reads them.
 */
export async function importCommand(args: string[]): Promise<CommandResult> {
  try {
    const { source, contentDir, timeoutMs } = readOptions(args);
    const settings = await readImportSettings(contentDir);
    if ("problems" in settings) stop(`${settings.problems.join("\n")}\nFix these and import again.`);
    const feed = await readFeed(source, { projectDir: path.dirname(contentDir), timeoutMs, concurrency: CONCURRENCY, perPage: PER_PAGE });
    const servicesDir = path.join(contentDir, "services");
    await mkdir(servicesDir, { recursive: true });
    const plan = planImport(feed.records, await existingFiles(servicesDir), {
      ...settings,
      schema: serviceSchema(settings.lists, centroidTables()),
      importedFrom: feed.label,
    });
    await apply(plan, servicesDir);
    return { code: 0, stdout: `${report(plan, feed.label, servicesDir)}\n`, stderr: "" };
  } catch (error) {
    if (error instanceof InputProblem || error instanceof FeedError) return { code: 1, stdout: "", stderr: `${error.message}\n` };
    const detail = process.env.DEBUG && error instanceof Error ? `\n${error.stack}` : "";
    return { code: 2, stdout: "", stderr: `The import could not run: ${error instanceof Error ? error.message : String(error)}${detail}\n` };
  }
}
