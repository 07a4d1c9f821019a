// npm run bench:import [-- --services 5000]
// Times npm run import:oruk on a made-up feed served by a local ORUK API (pages of 100, and each
// service whole from /services/{id}), into a copy of the content with no services, with the import's
// peak resident memory. Then imports the same feed again, which must write no file.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../../src/project.ts";
import { serveOrukFeed } from "../support/oruk-server.ts";
import { generatedService } from "../support/oruk-services.ts";

const TARGET_SECONDS = 20;
const TARGET_MB = 500;

const { values } = parseArgs({ options: { services: { type: "string", default: "5000" } } });
const count = Number(values.services);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--services ${values.services}: expected a whole number, such as 5000`);
  process.exit(1);
}
const say = (line: string) => console.error(line);

interface Run {
  seconds: number;
  peakMb: number;
  summary: string;
}

/** One import in a process of its own, as an editor runs it, timed from start to exit. */
function importOnce(url: string, contentDir: string): Promise<Run> {
  const report = path.join(os.tmpdir(), `bench-import-memory-${process.pid}.json`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--import", path.join(projectRoot, "scripts/bench/bare/peak-memory.ts"), "scripts/import-oruk.ts", url, "--content", contentDir],
      { cwd: projectRoot, env: { ...process.env, BENCH_REPORT: report }, maxBuffer: 64 * 1024 * 1024 },
      async (error, stdout, stderr) => {
        if (error) return reject(new Error(`the import failed: ${stderr || error.message}`));
        const { maxRssKb } = JSON.parse(await readFile(report, "utf8")) as { maxRssKb: number };
        await rm(report, { force: true });
        resolve({ seconds: (performance.now() - started) / 1000, peakMb: maxRssKb / 1024, summary: stdout.split("\n")[1] ?? "" });
      },
    );
  });
}

/** Each service file's modification time, to count what a run wrote. */
async function modificationTimes(dir: string): Promise<Map<string, number>> {
  const names = await readdir(dir);
  return new Map(await Promise.all(names.map(async (name) => [name, (await stat(path.join(dir, name))).mtimeMs] as const)));
}

const work = await mkdtemp(path.join(os.tmpdir(), "bench-import-"));
const services = Array.from({ length: count }, (_, index) => generatedService(index));
const server = await serveOrukFeed(services, { pageSize: 100 });
try {
  const contentDir = path.join(work, "content");
  await cp(path.join(projectRoot, "content"), contentDir, { recursive: true });
  const servicesDir = path.join(contentDir, "services");
  for (const name of await readdir(servicesDir)) if (name !== "index.md") await rm(path.join(servicesDir, name));

  say(`Importing ${count.toLocaleString("en-GB")} services from ${server.url}...`);
  const first = await importOnce(server.url, contentDir);
  const before = await modificationTimes(servicesDir);
  say("Importing the same feed again...");
  const second = await importOnce(server.url, contentDir);
  const after = await modificationTimes(servicesDir);
  const written = [...after].filter(([name, time]) => before.get(name) !== time).length + [...before.keys()].filter((name) => !after.has(name)).length;

  const verdict = (met: boolean) => (met ? "met" : "**missed**");
  console.log(
    [
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, load ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. ${server.requests.length.toLocaleString("en-GB")} requests to the local API.`,
      "",
      "| Run | Wall time (s) | Peak RSS (MB) | Report |",
      "| --- | ---: | ---: | --- |",
      `| First import | ${first.seconds.toFixed(1)} | ${first.peakMb.toFixed(0)} | ${first.summary} |`,
      `| Same feed again | ${second.seconds.toFixed(1)} | ${second.peakMb.toFixed(0)} | ${second.summary} |`,
      "",
      `- ${count.toLocaleString("en-GB")} services in under ${TARGET_SECONDS} s: ${first.seconds.toFixed(1)} s — ${verdict(first.seconds < TARGET_SECONDS)}`,
      `- Peak memory under ${TARGET_MB} MB: ${Math.max(first.peakMb, second.peakMb).toFixed(0)} MB — ${verdict(Math.max(first.peakMb, second.peakMb) < TARGET_MB)}`,
      `- The second import writes no file: ${written} written — ${verdict(written === 0)}`,
    ].join("\n"),
  );
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}
