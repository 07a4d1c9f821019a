// npm run bench:directory [-- --services 3000]
// Builds the sample site and a generated site with that many services, and measures the directory
// on each in Chromium: bytes of the first visit and to the first sorted list, time to sort, and
// Lighthouse's mobile performance score.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./support/chromium.ts";
import { generateSite } from "./generate-site/generated-site.ts";
import { buildSite } from "./bench/search-bench.ts";
import { projectRoot } from "../src/project.ts";
import { directoryTable, measureDirectory, POSTCODES, RUNS, type DirectoryResult } from "./bench/directory-bench.ts";

const { values } = parseArgs({ options: { services: { type: "string", default: "3000" } } });
const serviceCount = Number(values.services);
if (!Number.isInteger(serviceCount) || serviceCount < 1) {
  console.error(`--services ${values.services}: expected a whole number, such as 3000`);
  process.exit(1);
}
const say = (line: string) => console.error(line);

const dir = await mkdtemp(path.join(tmpdir(), "bench-directory-"));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const rows: Array<{ site: string; result: DirectoryResult }> = [];
try {
  say("sample site: building...");
  await cp(path.join(projectRoot, "content"), path.join(dir, "sample"), { recursive: true });
  await buildSite(path.join(dir, "sample"), path.join(dir, "sample-site"));
  rows.push({ site: "sample content", result: await measureDirectory(browser, path.join(dir, "sample-site")) });

  say(`${serviceCount} services: generating and building...`);
  await generateSite({ pages: 100, services: serviceCount, outDir: path.join(dir, "generated"), seed: 1 });
  await buildSite(path.join(dir, "generated"), path.join(dir, "generated-site"));
  rows.push({ site: `generated, ${serviceCount} services`, result: await measureDirectory(browser, path.join(dir, "generated-site")) });
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
console.log(directoryTable(rows));
console.log();
console.log(
  `To the first sorted list: the first visit, then ${POSTCODES[0]!.typed} submitted. Sort and show: from submitting a postcode (${POSTCODES.map(({ typed }) => typed).join(" and ")} in turn, files already fetched) to the sorted list painted; ${RUNS} runs. Sizes are gzip -9. Lighthouse 12.2.3, mobile, simulated slow 4G.`,
);
