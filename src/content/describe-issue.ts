// Turns a zod issue into one plain sentence: what is wrong, and what was expected.
import type { z } from "zod";
import { editDistance } from "../lib/edit-distance.ts";
import type { ContentProblem } from "./problems.ts";

type Issue = z.core.$ZodIssue & { input?: unknown };

/** The schemas met walking a path from the root, looking through optional and pipe wrappers. */
function schemasAlong(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): z.ZodType[] {
  const found = [schema];
  let node: z.ZodType | undefined = schema;
  for (const key of path) {
    const def = unwrap(node)?.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } | undefined;
    if (def?.type === "object" && typeof key === "string") node = def.shape?.[key];
    else if (def?.type === "array" && typeof key === "number") node = def.element;
    else node = undefined;
    if (!node) break;
    found.push(node);
  }
  return found;
}

/** The .describe() text nearest to the field at a path. */
export function expectedAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string | undefined {
  const along = schemasAlong(schema, path);
  if (along.length < path.length + 1) return undefined;
  for (const node of along.reverse()) {
    const description = node.description ?? unwrap(node)?.description;
    if (description) return description;
  }
  return undefined;
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  let current = node;
  while (current) {
    const def = current.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.type === "optional" || def.type === "nullable" || def.type === "default") current = def.innerType;
    else if (def.type === "pipe") current = def.in;
    else return current;
  }
  return current;
}

export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), "");
}

function describeValue(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === "object") return "a group of fields";
  return String(value);
}

function closest(word: string, options: readonly string[]): string | undefined {
  const best = options.map((option) => ({ option, score: editDistance(word.toLowerCase(), option.toLowerCase()) })).sort((a, b) => a.score - b.score)[0];
  return best && best.score <= Math.max(2, Math.floor(word.length / 4)) ? best.option : undefined;
}

export interface DescribedIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export function describeIssue(issue: Issue, schema: z.ZodType): DescribedIssue[] {
  const expected = expectedAt(schema, issue.path);
  const expecting = expected ? ` (expected ${expected})` : "";
  switch (issue.code) {
    case "unrecognized_keys": {
      const along = schemasAlong(schema, issue.path);
      const parent = along.length === issue.path.length + 1 ? unwrap(along.at(-1)) : undefined;
      const known = Object.keys((parent?.def as { shape?: object } | undefined)?.shape ?? {});
      return issue.keys.map((key) => {
        const suggestion = closest(key, known);
        const hint = suggestion ? `did you mean ${suggestion}? ` : "";
        return { path: [...issue.path, key], message: `unknown field (${hint}expected one of: ${known.join(", ")})` };
      });
    }
    case "invalid_type":
      if (issue.input === undefined) return [{ path: issue.path, message: `missing${expecting}` }];
      return [{ path: issue.path, message: `is ${describeValue(issue.input)}${expecting}` }];
    case "too_small":
    case "too_big": {
      const input = issue.input;
      const size = typeof input === "string" ? `${input.trim().length} characters` : Array.isArray(input) ? `${input.length} entries` : describeValue(input);
      const word = issue.code === "too_small" ? (issue.origin === "number" ? "too small" : "too short") : issue.origin === "number" ? "too large" : "too long";
      if (Array.isArray(input) && input.length === 0) return [{ path: issue.path, message: `is an empty list${expecting}` }];
      return [{ path: issue.path, message: `${word}: ${size}${expecting}` }];
    }
    case "invalid_format":
    case "invalid_value":
      return [{ path: issue.path, message: `${describeValue(issue.input)} is ${issue.message}${expecting}` }];
    case "custom": {
      // Messages that are whole sentences already carry their own expectation.
      if (/\(expected|outside Great Britain|not in the postcode data/.test(issue.message)) return [{ path: issue.path, message: issue.message }];
      // A refinement of a group of fields (ages, contact) names no single value.
      const scalar = ["string", "number", "boolean"].includes(typeof issue.input);
      return [{ path: issue.path, message: `${scalar ? `${describeValue(issue.input)} is ` : ""}${issue.message}${expecting}` }];
    }
    default:
      return [{ path: issue.path, message: `${issue.message}${expecting}` }];
  }
}

/** Every issue a schema finds in a file's data, as problems pointing at the line of each field. */
export function schemaProblems(schema: z.ZodType, data: unknown, file: string, lineOf: (p: ReadonlyArray<PropertyKey>) => number): ContentProblem[] {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.flatMap((issue) =>
    describeIssue(issue as Issue, schema).map((described) => ({
      file,
      line: lineOf(described.path),
      field: fieldName(described.path) || undefined,
      message: described.message,
    })),
  );
}
