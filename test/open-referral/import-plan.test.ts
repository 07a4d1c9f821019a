// The import's plan, worked out before anything is written: file names that do not depend on the
// feed's order, names the site keeps for itself, and services the feed gives twice.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { centroidTables } from "../../src/content/postcode-tables.ts";
import { serviceSchema } from "../../src/content/schemas.ts";
import type { MappingContext } from "../../src/open-referral/from-oruk.ts";
import { planImport } from "../../src/open-referral/import-plan.ts";
import { readImportSettings } from "../../src/open-referral/import-settings.ts";
import { fixtureId, generatedService } from "../../scripts/support/oruk-services.ts";
import { fixtureServices } from "../fixtures/oruk-feed.ts";
import { projectRoot } from "../helpers/project.ts";

const settings = await readImportSettings(path.join(projectRoot, "content"));
if ("problems" in settings) throw new Error(settings.problems.join("\n"));
const context: MappingContext = { ...settings, schema: serviceSchema(settings.lists, centroidTables()), importedFrom: "feed.json" };

const hex8 = (index: number) => fixtureId(index).slice(0, 8);

describe("planning an import", () => {
  it("gives the same files whatever order the feed lists its services in", () => {
    const services = fixtureServices();
    const plan = planImport(services, [], context);
    expect(planImport([...services].reverse(), [], context)).toEqual(plan);
    expect(planImport([...services.slice(30), ...services.slice(0, 30)], [], context)).toEqual(plan);
  });

  it("never names a service index or category, which the site keeps for its directory", () => {
    const plan = planImport(
      [
        { ...generatedService(0), name: "Index" },
        { ...generatedService(1), name: "Category" },
      ],
      [],
      context,
    );
    expect(plan.writes.map((write) => write.fileName)).toEqual([`index-${hex8(0)}.md`, `category-${hex8(1)}.md`]);
  });

  it("does not give a new service the name of a file it removes in the same run", () => {
    const first = planImport([{ ...generatedService(0), name: "Play Club" }], [], context);
    const existing = first.writes.map(({ fileName, text }) => ({ fileName, text }));
    const second = planImport([{ ...generatedService(1), name: "Play Club" }], existing, context);
    expect(second.removals).toEqual(["play-club.md"]);
    expect(second.writes.map((write) => write.fileName)).toEqual([`play-club-${hex8(1)}.md`]);
  });

  it("counts a service given twice once, and rejects one given twice with different details", () => {
    const service = generatedService(0);
    expect(planImport([service, structuredClone(service)], [], context).writes).toHaveLength(1);
    const plan = planImport([service, { ...service, fees: "£5" }], [], context);
    expect(plan.writes).toEqual([]);
    expect(plan.rejected).toEqual([
      { id: fixtureId(0), name: "St Albans Play Club 1", reasons: ["the feed gives this id more than once, with different details"] },
    ]);
  });

  it("counts each unmapped term once per service, most used first", () => {
    const term = (id: string, name: string) => ({ taxonomy_term: { id, name, taxonomy: "esd" } });
    const withTerms = (index: number, ...terms: object[]) => ({
      ...generatedService(index),
      attributes: [...(generatedService(index).attributes as object[]), ...terms],
    });
    const plan = planImport(
      [withTerms(0, term("a", "Rare")), withTerms(1, term("b", "Common"), term("b", "Common")), withTerms(2, term("b", "Common"))],
      [],
      context,
    );
    expect(plan.unmappedTerms).toEqual([
      { label: '"Common" in taxonomy esd (id b)', services: 2 },
      { label: '"Rare" in taxonomy esd (id a)', services: 1 },
    ]);
  });
});
