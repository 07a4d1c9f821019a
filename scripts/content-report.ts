// npm run content:report [-- --today YYYY-MM-DD] [-- --files content/a.md ...] [contentDir]
// Prints, for each page and service: word count, Flesch reading ease and review status, then the
// medians. Plain English scores 60 or more.
import path from "node:path";
import { createMarkdown } from "../src/content/markdown.ts";
import { displayPath, listFiles } from "../src/content/content-files.ts";
import { isoDate } from "../src/content/dates.ts";
import { kindOf } from "../src/content/model.ts";
import { readability, reviewStatus, type ReviewStatus } from "../src/content/readability.ts";
import { readSource } from "../src/content/source.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args.splice(index, 2)[1];
};
const today = option("--today") ?? new Date().toISOString().slice(0, 10);
const filesIndex = args.indexOf("--files");
const only =
  filesIndex === -1
    ? undefined
    : new Set(
        args
          .splice(filesIndex)
          .slice(1)
          .map((file) => path.resolve(file)),
      );
const contentDir = path.resolve(args[0] ?? "content");

const md = createMarkdown();
const rows: Array<{ file: string; kind: string; words: number; ease: number; status: ReviewStatus | "no date"; due: string }> = [];
for (const relPath of (await listFiles(contentDir)).filter((file) => file.endsWith(".md"))) {
  const absolute = path.join(contentDir, relPath);
  if (only && !only.has(absolute)) continue;
  const { source } = await readSource(absolute, displayPath(absolute), relPath);
  if (!source) continue;
  const score = readability(md, source.body);
  const lastReviewed = isoDate(source.data.lastReviewed);
  const review = lastReviewed ? reviewStatus(lastReviewed, isoDate(source.data.reviewDue), today) : undefined;
  rows.push({
    file: source.file,
    kind: kindOf(relPath),
    words: score.words,
    ease: score.readingEase,
    status: review?.status ?? "no date",
    due: review?.due ?? "",
  });
}

const width = Math.max(4, ...rows.map((row) => row.file.length));
console.log(`${"Page".padEnd(width)}  Words  Reading ease  Review (as of ${today})`);
for (const row of rows) {
  console.log(
    `${row.file.padEnd(width)}  ${String(row.words).padStart(5)}  ${row.ease.toFixed(1).padStart(12)}  ${row.status}${row.due ? ` (due ${row.due})` : ""}`,
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const summary = (kind: string, label: string) => {
  const scores = rows.filter((row) => row.kind === kind).map((row) => row.ease);
  if (scores.length > 0) console.log(`${label}: ${scores.length}, median reading ease ${median(scores).toFixed(1)} (plain English is 60 or more)`);
};
console.log("");
summary("information", "Information pages");
summary("service", "Services");
const count = (status: string) => rows.filter((row) => row.status === status).length;
console.log(
  `Review status: ${count("reviewed")} reviewed, ${count("due soon")} due within 30 days, ${count("overdue")} overdue${count("no date") ? `, ${count("no date")} with no valid lastReviewed` : ""}`,
);
