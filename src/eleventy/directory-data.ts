// What the directory's "services near you" needs in the browser, written at build time:
// /services/services.json (every service's address, town, coordinates, categories, needs, ages,
// filter features and card words, compactly) and /postcodes/<AREA>.json (the sector and district centroids of one postcode
// area, so locating a postcode fetches one small file).
import type { Located } from "../lib/postcode.ts";
import type { DirectoryRecord, PostcodeAreaFile } from "../lib/geo/directory-format.ts";
import { cardPlace } from "../lib/directory/card-place.ts";
import { serviceCard, serviceFeatures, type CardService } from "../lib/directory/service-card.ts";
import { centroidTables } from "../content/postcode-tables.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import type { EleventyConfig, EleventyItem } from "./types.ts";

interface ServiceData extends CardService {
  title?: string;
  geo?: Located;
  categories?: string[];
}

type NamedList = Array<{ id: string; name: string }>;

export function directoryRecords(services: EleventyItem[], needs: NamedList): DirectoryRecord[] {
  return services.map(({ url, data }) => {
    const service = data as ServiceData;
    const geo = service.geo ? ([service.geo.latitude, service.geo.longitude] as const) : null;
    const card = serviceCard(service, needs);
    return [
      url,
      service.title ?? "",
      service.location?.town ?? "",
      geo?.[0] ?? null,
      geo?.[1] ?? null,
      service.categories ?? [],
      service.needs ?? [],
      service.ages?.min ?? 0,
      service.ages?.max ?? 25,
      serviceFeatures(service),
      card.description,
      card.facts,
    ];
  });
}

/** Centroids grouped by postcode area ("AL", "SG", ...). */
export function postcodeAreaFiles(): Map<string, PostcodeAreaFile> {
  const { sectors, outcodes } = centroidTables();
  const files = new Map<string, PostcodeAreaFile>();
  const fileFor = (key: string) => {
    const area = /^[A-Z]+/.exec(key)![0];
    let file = files.get(area);
    if (!file) {
      file = { sectors: {}, districts: {} };
      files.set(area, file);
    }
    return file;
  };
  for (const [sector, { latitude, longitude }] of sectors) fileFor(sector).sectors[sector] = [latitude, longitude];
  for (const [outcode, { latitude, longitude }] of outcodes) fileFor(outcode).districts[outcode] = [latitude, longitude];
  return files;
}

export default function directoryData(eleventyConfig: EleventyConfig, { outputs }: BuildContext): void {
  // The areas with a file, so the browser never asks for one that is not there.
  eleventyConfig.addGlobalData("postcodeAreas", () => [...postcodeAreaFiles().keys()].sort().join(" "));
  eleventyConfig.addFilter("directoryRecords", (services: EleventyItem[], needs: NamedList) => JSON.stringify(directoryRecords(services, needs)));
  // A card's words for the page without JavaScript, the same as the finder's list shows.
  eleventyConfig.addFilter("serviceCard", (service: CardService, needs: NamedList) => serviceCard(service, needs));
  eleventyConfig.addFilter("cardPlace", (town: string | undefined) => cardPlace(town, undefined));
  eleventyConfig.addTemplate("services-data.njk", "{{ collections.services | directoryRecords(lists.needs) | safe }}", {
    permalink: "/services/services.json",
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.on("eleventy.after", async () => {
    await Promise.all([...postcodeAreaFiles()].map(([area, file]) => outputs.write(`/postcodes/${area}.json`, JSON.stringify(file))));
  });
}
