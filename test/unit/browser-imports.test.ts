// The browser code's modules form layers: no module imports, even lazily, one that imports it back,
// and the cookie jar imports only shared code below it (it announces consent as an event instead).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const browserDir = path.resolve(import.meta.dirname, "../../src/browser");

/** Every module under src/browser, with the files it imports statically or with import(). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(browserDir, { recursive: true, encoding: "utf8" })) {
    if (!entry.endsWith(".ts") || entry.endsWith(".d.ts")) continue;
    const file = path.join(browserDir, entry);
    const text = readFileSync(file, "utf8");
    // Type-only imports are left out: they are gone when the code runs.
    const specifiers = [...text.matchAll(/(?:^import\s+(?!type\s)[^;]*?from\s*|import\()\s*"([^"]+)"/gm)].map((match) => match[1]!);
    graph.set(
      file,
      specifiers.filter((specifier) => specifier.startsWith(".")).map((specifier) => path.resolve(path.dirname(file), specifier)),
    );
  }
  return graph;
}

describe("browser modules", () => {
  it("import each other in no circle", () => {
    const graph = importGraph();
    const circles: string[] = [];
    const walk = (file: string, trail: string[]) => {
      if (trail.includes(file)) {
        circles.push([...trail.slice(trail.indexOf(file)), file].map((step) => path.relative(browserDir, step)).join(" -> "));
        return;
      }
      for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
    };
    for (const file of graph.keys()) walk(file, []);
    expect([...new Set(circles)]).toEqual([]);
  });

  it("the cookie jar imports nothing above it", () => {
    const imports = importGraph().get(path.join(browserDir, "cookies/cookie-jar.ts"))!;
    const allowed = (file: string) => file.includes(`${path.sep}src${path.sep}lib${path.sep}`) || file === path.join(browserDir, "page-events.ts");
    expect(imports.filter((file) => !allowed(file)).map((file) => path.relative(browserDir, file))).toEqual([]);
  });
});
