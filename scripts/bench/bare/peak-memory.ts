// Loaded into each build the benchmark times (node --import): on exit, writes the process's peak
// resident memory to the file BENCH_REPORT names, so the parent can compare builds.
import { writeFileSync } from "node:fs";

const report = process.env.BENCH_REPORT;
if (report) process.on("exit", () => writeFileSync(report, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })));
