// The files the directory's "services near you" reads in the browser; written by the build.

/**
 * [address, title, town, latitude, longitude, category ids, need ids, youngest age, oldest age,
 * features the yes-or-no filters ask about, description, the card's lines of facts]; no
 * coordinates for services by phone or online.
 */
export type DirectoryRecord = [string, string, string, number | null, number | null, string[], string[], number, number, string[], string, string[]];

/** /postcodes/<AREA>.json: the area's sector and district centroids as [latitude, longitude]. */
export interface PostcodeAreaFile {
  sectors: Record<string, [number, number]>;
  districts: Record<string, [number, number]>;
}
