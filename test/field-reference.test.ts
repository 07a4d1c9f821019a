// EDITING.md's field reference is generated from the content schemas' .describe() texts. These
// tests fail when a schema changes and the reference was not written again, so editors never read
// rules the check does not enforce.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { editingPath, END, fieldReferenceIn, renderFieldReference, START, undescribedFields } from "../scripts/field-reference.ts";

describe("the field reference in EDITING.md", () => {
  it("matches the content schemas", async () => {
    const current = fieldReferenceIn(await readFile(editingPath, "utf8"));
    if (current === undefined) expect.fail(`EDITING.md has lost its field reference markers: put back ${START} and ${END}, then run npm run docs:fields`);
    if (current !== renderFieldReference()) expect.fail("EDITING.md's field reference is out of date: run npm run docs:fields and commit EDITING.md");
  });

  it("describes every field", () => {
    expect(undescribedFields(), "give these fields a .describe() text in the schema, then run npm run docs:fields").toEqual([]);
  });
});
