// Loads the project's own copy of the OS Code-Point Open centroids (see src/lib/postcodes/SOURCE.md).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCentroidCsv, type CentroidTables } from "../lib/postcode.ts";
import { postcodesDir } from "../project.ts";

let tables: CentroidTables | undefined;

export function centroidTables(): CentroidTables {
  tables ??= {
    sectors: parseCentroidCsv(readFileSync(path.join(postcodesDir, "sectors.csv"), "utf8")),
    outcodes: parseCentroidCsv(readFileSync(path.join(postcodesDir, "outcodes.csv"), "utf8")),
  };
  return tables;
}
