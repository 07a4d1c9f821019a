// Loaded into each build the benchmark times (node --import): on exit, writes the process's peak
// resident memory and the CPU time of all its threads to the file BENCH_REPORT names, so the
// parent can compare builds (CPU time over wall time shows how many cores a build kept busy).
import { writeFileSync } from "node:fs";

const report = process.env.BENCH_REPORT;
if (report) {
  process.on("exit", () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(report, JSON.stringify({ maxRssKb: maxRSS, cpuMicroseconds: userCPUTime + systemCPUTime }));
  });
}
