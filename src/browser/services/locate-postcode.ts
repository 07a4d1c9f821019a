// A typed postcode to a centroid, in the browser: parsed with the postcode library, then looked up
// in the one small file of its postcode area.
import { locate, parsePostcodeQuery, type Located } from "../../lib/postcode.ts";
import type { PostcodeAreaFile } from "../../lib/geo/directory-format.ts";

/** A location, and whether it came from a whole postcode, which the site measures from its sector or district. */
type PostcodeLookup = { ok: true; location: Located; fromFullPostcode: boolean } | { ok: false; message: string };

const areaFiles = new Map<string, Promise<PostcodeAreaFile | undefined>>();

function areaFile(area: string): Promise<PostcodeAreaFile | undefined> {
  let loading = areaFiles.get(area);
  if (!loading) {
    loading = fetch(`/postcodes/${area}.json`).then((response) => (response.ok ? (response.json() as Promise<PostcodeAreaFile>) : undefined));
    // A failed fetch (offline) may work next time.
    loading.catch(() => areaFiles.delete(area));
    areaFiles.set(area, loading);
  }
  return loading;
}

const toMap = (entries: Record<string, [number, number]>) =>
  new Map(Object.entries(entries).map(([key, [latitude, longitude]]) => [key, { latitude, longitude }]));

/** Looks a postcode up; areas are those with a file (the rest are not in the data, so nothing is fetched for them). */
export async function lookUpPostcode(input: string, areas: ReadonlySet<string>): Promise<PostcodeLookup> {
  const parsed = parsePostcodeQuery(input.slice(0, 20));
  if (!parsed.ok) {
    if (parsed.reason === "empty") return { ok: false, message: "Enter a postcode, like AL1 3JE, or the first part of it, like AL1 3 or AL1" };
    if (parsed.reason === "outside-gb")
      return {
        ok: false,
        message: "Enter a postcode in England, Scotland or Wales. Our postcode data does not cover Northern Ireland, the Channel Islands or the Isle of Man",
      };
    return { ok: false, message: "Enter a real postcode, like AL1 3JE, or the first part of it, like AL1 3 or AL1" };
  }
  let file: PostcodeAreaFile | undefined;
  try {
    if (areas.has(parsed.query.area)) file = await areaFile(parsed.query.area);
  } catch {
    return { ok: false, message: "We could not look up that postcode. Check your connection and try again" };
  }
  const location = file ? locate(parsed.query, { sectors: toMap(file.sectors), outcodes: toMap(file.districts) }) : undefined;
  if (!location)
    return {
      ok: false,
      message: `We could not find ${parsed.query.kind === "outcode" ? parsed.query.outcode : parsed.query.sector} in our postcode data. Check it, or try the first part only, like AL1`,
    };
  return { ok: true, location, fromFullPostcode: parsed.query.kind === "full" };
}
