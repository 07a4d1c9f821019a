// Loads the project's own copy of the OS Code-Point Open centroids (see src/lib/postcodes/SOURCE.md).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCentroidCsv, type CentroidTables } from "../lib/postcode.ts";

const dataDir = new URL("../lib/postcodes/", import.meta.url);
let tables: CentroidTables | undefined;

export function centroidTables(): CentroidTables {
  tables ??= {
    sectors: parseCentroidCsv(readFileSync(fileURLToPath(new URL("sectors.csv", dataDir)), "utf8")),
    outcodes: parseCentroidCsv(readFileSync(fileURLToPath(new URL("outcodes.csv", dataDir)), "utf8")),
  };
  return tables;
}
