// The local server compresses text as Netlify does, so the benchmark and Lighthouse see the bytes
// families download; images and zips go as they are. Any page open in the editor's browser can
// send it requests, so it answers only reads, refuses malformed paths, and serves nothing from
// outside its folder, however a symlink points.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticServer, listen } from "../../src/server/static-server.ts";

/** Holds the served folder and, beside it, files the server must never send. */
let dir: string;
let site: string;
let server: http.Server;
let base: string;
const page = `<!DOCTYPE html><title>Page</title>${"<p>Some words about SEN support.</p>".repeat(200)}`;
const secret = "a private file outside the site";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "static-server-"));
  site = path.join(dir, "site");
  await mkdir(site);
  await writeFile(path.join(site, "index.html"), page);
  await writeFile(path.join(site, "copy.zip"), Buffer.alloc(2048, 7));
  await writeFile(path.join(dir, "secret.txt"), secret);
  await mkdir(path.join(dir, "outside-page"));
  await writeFile(path.join(dir, "outside-page", "index.html"), secret);
  server = createStaticServer(site, []);
  base = await listen(server, 0);
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with the path exactly as given (fetch would resolve dot segments first) and the raw bytes back, without fetch's own decompression. */
function request(rawPath: string, options: { method?: string; acceptEncoding?: string } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { hostname, port, path: rawPath, method: options.method ?? "GET", headers: { "Accept-Encoding": options.acceptEncoding ?? "identity" } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.method === "PUT" || options.method === "POST" ? "<p>Replaced</p>" : undefined);
  });
}

describe("the static server's compression", () => {
  it("sends Brotli when the browser accepts it, else gzip, else the file as it is", async () => {
    const brotli = await request("/", { acceptEncoding: "gzip, deflate, br" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(brotli.body).toString()).toBe(page);
    expect(brotli.body.length).toBeLessThan(page.length / 10);

    const gzip = await request("/", { acceptEncoding: "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(page);

    const plain = await request("/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
    expect(plain.headers.vary).toBe("Accept-Encoding");
  });

  it("sends a zip as it is", async () => {
    const zip = await request("/copy.zip", { acceptEncoding: "br, gzip" });
    expect(zip.headers["content-encoding"]).toBeUndefined();
    expect(zip.body.length).toBe(2048);
  });
});

describe("what the static server refuses", () => {
  it("answers GET and HEAD, and every other method with 405 and the methods it allows", async () => {
    const head = await request("/index.html", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const refused = await request("/index.html", { method });
      expect(refused.status, method).toBe(405);
      expect(refused.headers.allow, method).toBe("GET, HEAD");
      expect(refused.body.toString(), method).not.toContain("SEN support");
    }
    expect(await readFile(path.join(site, "index.html"), "utf8")).toBe(page);
  });

  it("answers 400 to a path that does not decode, holds a NUL or backslash, or is not in normal form", async () => {
    const malformed = [
      "/%E0%A4%A",
      "/%zz",
      "/index.html%00",
      "/index.html%00.txt",
      "/copy.zip\\",
      "/%5Cindex.html",
      "/..%2f..%2fsecret.txt",
      "/%2e%2e/secret.txt",
      "/../secret.txt",
      "/./index.html",
      "//index.html",
      "/%2Findex.html",
    ];
    for (const rawPath of malformed) {
      const response = await request(rawPath);
      expect(response.status, rawPath).toBe(400);
      expect(response.body.toString(), rawPath).not.toContain(secret);
    }
  });

  it("serves nothing whose real path leaves the folder, following symlinks to files and folders first", async () => {
    await symlink(path.join(dir, "secret.txt"), path.join(site, "leak.txt"));
    await symlink(dir, path.join(site, "parent"));
    await symlink(path.join(dir, "outside-page"), path.join(site, "outside-page"));
    await symlink(path.join(dir, "secret.txt"), path.join(site, "404.html"));
    // A link that stays inside the folder is still served: the check is where a path leads, not how.
    await symlink(path.join(site, "index.html"), path.join(site, "home.html"));
    try {
      for (const rawPath of ["/leak.txt", "/parent/secret.txt", "/parent/outside-page/", "/outside-page/", "/outside-page", "/no-such-page"]) {
        const response = await request(rawPath);
        expect(response.status, rawPath).toBe(404);
        expect(response.body.toString(), rawPath).not.toContain(secret);
      }
      const inside = await request("/home.html");
      expect(inside.status).toBe(200);
      expect(inside.body.toString()).toBe(page);
    } finally {
      for (const link of ["leak.txt", "parent", "outside-page", "404.html", "home.html"]) await rm(path.join(site, link));
    }
  });
});
