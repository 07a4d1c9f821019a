// Parsing what a person types as a postcode, and turning it into a centroid.
// Pure logic: the build passes tables read from disk; the browser will pass tables it fetched.
import { isValid, parse, validOutcode } from "postcode";

export type PostcodeQuery =
  | { kind: "full"; postcode: string; outcode: string; sector: string; area: string }
  | { kind: "sector"; outcode: string; sector: string; area: string }
  | { kind: "outcode"; outcode: string; area: string };

type PostcodeParseResult = { ok: true; query: PostcodeQuery } | { ok: false; reason: "empty" | "malformed" | "outside-gb" };

/** Postcode areas that are UK postcodes but not in Great Britain's centroid data. */
const NON_GB_AREAS = new Set(["BT", "GY", "JE", "IM"]);

/**
 * What a full postcode looks like, in any case, with or without its space: a necessary shape, not
 * a check (parsePostcodeQuery is that). The content editor's form asks for it.
 */
export const FULL_POSTCODE_SHAPE = "^\\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]? *[0-9][A-Za-z]{2}\\s*$";

const SECTOR_PATTERN = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9])$/;

function areaOf(outcode: string): string {
  return outcode.replace(/[0-9].*$/, "");
}

/** Accepts a full postcode ("AL1 3JE"), a sector ("AL1 3") or an outward code ("AL1"), in any case or spacing. */
export function parsePostcodeQuery(input: string): PostcodeParseResult {
  const compact = input.toUpperCase().replace(/\s+/g, "");
  if (compact === "") return { ok: false, reason: "empty" };

  const spaced = input.toUpperCase().trim().replace(/\s+/g, " ");
  const sectorMatch = SECTOR_PATTERN.exec(spaced);
  let query: PostcodeQuery | undefined;
  if (isValid(compact)) {
    const parsed = parse(compact);
    if (parsed.valid) {
      query = {
        kind: "full",
        postcode: parsed.postcode,
        outcode: parsed.outcode,
        sector: parsed.sector,
        area: parsed.area,
      };
    }
  } else if (sectorMatch?.[1] && sectorMatch[2] && spaced.includes(" ") && validOutcode(sectorMatch[1])) {
    const outcode = sectorMatch[1];
    query = { kind: "sector", outcode, sector: `${outcode} ${sectorMatch[2]}`, area: areaOf(outcode) };
  } else if (validOutcode(compact)) {
    query = { kind: "outcode", outcode: compact, area: areaOf(compact) };
  }
  if (!query) return { ok: false, reason: "malformed" };
  if (NON_GB_AREAS.has(query.area)) return { ok: false, reason: "outside-gb" };
  return { ok: true, query };
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface CentroidTables {
  /** "AL1 3" → centroid of the postcode sector */
  sectors: ReadonlyMap<string, Coordinates>;
  /** "AL1" → centroid of the postcode district */
  outcodes: ReadonlyMap<string, Coordinates>;
}

export interface Located extends Coordinates {
  /** How precise the centroid is: a sector is usually within 1–2 km, a district several km. */
  precision: "sector" | "district";
  /** What the centroid stands for, e.g. "AL1 3" or "AL1". Never a full postcode. */
  label: string;
}

/** The most precise centroid the tables hold for a query, or undefined when the data has none. */
export function locate(query: PostcodeQuery, tables: CentroidTables): Located | undefined {
  if (query.kind !== "outcode") {
    const sector = tables.sectors.get(query.sector);
    if (sector) return { ...sector, precision: "sector", label: query.sector };
  }
  const district = tables.outcodes.get(query.outcode);
  if (district) return { ...district, precision: "district", label: query.outcode };
  if (query.kind === "outcode") {
    // "AL13" typed without its space may mean the sector "AL1 3" when no district AL13 exists.
    const asSector = `${query.outcode.slice(0, -1)} ${query.outcode.slice(-1)}`;
    const sector = tables.sectors.get(asSector);
    if (sector) return { ...sector, precision: "sector", label: asSector };
  }
  return undefined;
}

/** Reads `key,latitude,longitude[,…]` CSV text (with a header row) into a centroid map. */
export function parseCentroidCsv(text: string): Map<string, Coordinates> {
  const table = new Map<string, Coordinates>();
  const lines = text.split(/\r?\n/);
  for (const line of lines.slice(1)) {
    if (line.trim() === "") continue;
    const [key, lat, lon] = line.split(",");
    if (key === undefined || lat === undefined || lon === undefined) continue;
    table.set(key, { latitude: Number(lat), longitude: Number(lon) });
  }
  return table;
}
