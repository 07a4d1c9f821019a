// The local server compresses text as Netlify does, so the benchmark and Lighthouse see the bytes
// families download; images and zips go as they are.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticServer, listen } from "../../src/build/static-server.ts";

let dir: string;
let server: http.Server;
let base: string;
const page = `<!DOCTYPE html><title>Page</title>${"<p>Some words about SEN support.</p>".repeat(200)}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "static-server-"));
  await writeFile(path.join(dir, "index.html"), page);
  await writeFile(path.join(dir, "copy.zip"), Buffer.alloc(2048, 7));
  server = createStaticServer(dir, []);
  base = await listen(server, 0);
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

/** The raw bytes and headers, without fetch's own decompression. */
function get(pathname: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(`${base}${pathname}`, { headers: { "Accept-Encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

describe("the static server's compression", () => {
  it("sends Brotli when the browser accepts it, else gzip, else the file as it is", async () => {
    const brotli = await get("/", "gzip, deflate, br");
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(brotli.body).toString()).toBe(page);
    expect(brotli.body.length).toBeLessThan(page.length / 10);

    const gzip = await get("/", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(page);

    const plain = await get("/", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
    expect(plain.headers.vary).toBe("Accept-Encoding");
  });

  it("sends a zip as it is", async () => {
    const zip = await get("/copy.zip", "br, gzip");
    expect(zip.headers["content-encoding"]).toBeUndefined();
    expect(zip.body.length).toBe(2048);
  });
});
