// npm run generate-site -- --pages N --services M --out <folder> [--seed S]
// Writes a synthetic content folder of N information pages and M services, for benchmarks.
import { parseArgs } from "node:util";
import { generateSite, GenerateSiteError } from "./generate-site/generated-site.ts";

const USAGE = "--pages N --services M --out <folder> [--seed S]";

function wholeNumber(name: string, value: string | undefined, min: number): number {
  if (value === undefined) throw new GenerateSiteError(`--${name} is missing (expected ${USAGE})`);
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > 0xffffffff) {
    throw new GenerateSiteError(`--${name} ${value} is not a whole number of ${min} or more (expected ${USAGE})`);
  }
  return Number(value);
}

function readOptions() {
  try {
    const { values } = parseArgs({
      options: { pages: { type: "string" }, services: { type: "string" }, out: { type: "string" }, seed: { type: "string", default: "1" } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.out) throw new GenerateSiteError(`--out is missing (expected ${USAGE})`);
    return {
      pages: wholeNumber("pages", values.pages, 1),
      services: wholeNumber("services", values.services, 0),
      outDir: values.out,
      seed: wholeNumber("seed", values.seed, 0),
    };
  } catch (error) {
    // parseArgs explains unknown or valueless options in a TypeError; it is still a usage mistake.
    if (error instanceof TypeError) throw new GenerateSiteError(`${error.message.split("\n")[0]} (expected ${USAGE})`);
    throw error;
  }
}

try {
  const options = readOptions();
  const started = performance.now();
  const result = await generateSite(options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  console.log(
    `Generated ${count(result.pages, "page")} in ${count(result.sections, "section")} and ${count(result.services, "service")} (${result.files} files) into ${options.outDir} in ${seconds} s.`,
  );
} catch (error) {
  if (error instanceof GenerateSiteError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`The generator could not run: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(2);
}
