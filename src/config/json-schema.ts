import { z } from "zod";
import { RealtimeConfigSchema } from "./schema";

/** Where the package ships the JSON Schema of realtime.yaml, relative to its root. */
export const JSON_SCHEMA_FILE = "schema/realtime.schema.json";

/**
 * The JSON Schema (draft-07, what the YAML language server reads best) of
 * realtime.yaml, generated from the same zod schemas the loader validates
 * with. Shared shapes become `definitions`. What JSON Schema cannot say
 * (template names that must exist, rotation below expiry) is left to the
 * loader.
 *
 * @example
 * fs.writeFileSync("realtime.schema.json", JSON.stringify(realtimeJsonSchema(), null, 2));
 */
export function realtimeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RealtimeConfigSchema, {
    target: "draft-07",
    io: "input",
    reused: "ref",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return {
    $schema: schema["$schema"],
    title: "realtime.yaml",
    ...schema,
  };
}
