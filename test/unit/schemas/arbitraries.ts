/**
 * fast-check arbitraries for valid request bodies, built from the reference's rules. Objects are
 * generated fresh (never `fc.constant({...})`) so no two places in a body share one object.
 */
import fc from "fast-check";
import { KNOWN_REALTIME_MODELS, KNOWN_TRANSCRIPTION_MODELS, KNOWN_VOICES } from "../../../src/schemas";

const text = fc.string({ maxLength: 12 });
// zod builds records by assignment, so a `__proto__` key would not survive parsing.
const key = fc.stringMatching(/^[a-z_]{1,10}$/).filter((name) => name !== "__proto__");
// `min` bounds exclude -0, which JSON would turn into 0.
const ratio = fc.double({ min: 0, max: 1, noNaN: true });
// Normalised through JSON because fc.jsonValue may produce -0, which JSON turns into 0.
const json = fc
  .dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
  .map((value): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

const audioFormat = fc.oneof(
  fc.record({ type: fc.constant("audio/pcm"), rate: fc.constant(24000) }, { requiredKeys: [] }),
  fc.record({ type: fc.constant("audio/pcmu") }, { requiredKeys: [] }),
  fc.record({ type: fc.constant("audio/pcma") }),
);

const transcription = fc.record(
  {
    model: fc.oneof(fc.constantFrom(...KNOWN_TRANSCRIPTION_MODELS), text),
    language: text,
    languages: fc.array(text, { minLength: 1, maxLength: 3 }),
    keywords: fc.array(text, { maxLength: 3 }),
    prompt: text,
    delay: fc.constantFrom("minimal", "low", "medium", "high", "xhigh"),
  },
  { requiredKeys: [] },
);

const serverVad = fc.record(
  {
    type: fc.constant("server_vad"),
    threshold: ratio,
    prefix_padding_ms: fc.nat(3000),
    silence_duration_ms: fc.nat(3000),
    create_response: fc.boolean(),
    interrupt_response: fc.boolean(),
    idle_timeout_ms: fc.option(fc.integer({ min: 5000, max: 30000 }), { nil: null }),
  },
  { requiredKeys: ["type"] },
);

const semanticVad = fc.record(
  {
    type: fc.constant("semantic_vad"),
    eagerness: fc.constantFrom("low", "medium", "high", "auto"),
    create_response: fc.boolean(),
    interrupt_response: fc.boolean(),
  },
  { requiredKeys: ["type"] },
);

const audioInput = fc.record(
  {
    format: audioFormat,
    transcription: fc.option(transcription, { nil: null }),
    noise_reduction: fc.option(fc.record({ type: fc.constantFrom("near_field", "far_field") }, { requiredKeys: [] }), { nil: null }),
    turn_detection: fc.option(fc.oneof(serverVad, semanticVad), { nil: null }),
  },
  { requiredKeys: [] },
);

const audioOutput = fc.record(
  {
    format: audioFormat,
    voice: fc.oneof(fc.constantFrom(...KNOWN_VOICES), text, fc.record({ id: text })),
    speed: fc.double({ min: 0.25, max: 1.5, noNaN: true }),
  },
  { requiredKeys: [] },
);

const functionTool = fc.record(
  { type: fc.constant("function"), name: text, description: text, parameters: json },
  { requiredKeys: [] },
);

const filter = fc.record({ tool_names: fc.array(text, { maxLength: 3 }), read_only: fc.boolean() }, { requiredKeys: [] });

const mcpSource = fc.oneof(
  fc.record({ server_url: fc.constantFrom("https://mcp.example.com/sse", "http://127.0.0.1:8080/mcp") }),
  fc.record({ connector_id: fc.constantFrom("connector_gmail", "connector_sharepoint", "connector_dropbox") }),
  fc.record({ tunnel_id: fc.stringMatching(/^tunnel_[a-z0-9]{32}$/) }),
);

const mcpTool = fc
  .tuple(
    fc.record(
      {
        type: fc.constant("mcp"),
        server_label: text,
        authorization: text,
        server_description: text,
        headers: fc.option(fc.dictionary(key, text, { maxKeys: 2 }), { nil: null }),
        allowed_tools: fc.option(fc.oneof(fc.array(text, { maxLength: 3 }), filter), { nil: null }),
        allowed_callers: fc.option(fc.uniqueArray(fc.constantFrom("direct", "programmatic"), { minLength: 1 }), { nil: null }),
        require_approval: fc.option(
          fc.oneof(fc.constantFrom("always", "never"), fc.record({ always: filter, never: filter }, { requiredKeys: [] })),
          { nil: null },
        ),
        defer_loading: fc.boolean(),
      },
      { requiredKeys: ["type", "server_label"] },
    ),
    mcpSource,
  )
  .map(([tool, source]) => ({ ...tool, ...source }));

const toolChoice = fc.oneof(
  fc.constantFrom("none", "auto", "required"),
  fc.record({ type: fc.constant("function"), name: text }),
  fc.record({ type: fc.constant("mcp"), server_label: text, name: fc.option(text, { nil: null }) }, { requiredKeys: ["type", "server_label"] }),
);

const tracing = fc.oneof(
  fc.constant("auto"),
  fc.constant(null),
  fc.record({ workflow_name: text, group_id: text, metadata: json }, { requiredKeys: [] }),
);

const truncation = fc.oneof(
  fc.constantFrom("auto", "disabled"),
  fc.record(
    {
      type: fc.constant("retention_ratio"),
      retention_ratio: ratio,
      token_limits: fc.record({ post_instructions: fc.nat() }, { requiredKeys: [] }),
    },
    { requiredKeys: ["type", "retention_ratio"] },
  ),
);

const variable = fc.oneof(
  text,
  fc.record({ type: fc.constant("input_text"), text }),
  fc.record(
    { type: fc.constant("input_image"), detail: fc.constantFrom("low", "high", "auto", "original"), file_id: fc.option(text, { nil: null }) },
    { requiredKeys: ["type", "detail"] },
  ),
  fc.record({ type: fc.constant("input_file"), file_id: text, filename: text }, { requiredKeys: ["type"] }),
);

const prompt = fc.option(
  fc.record(
    {
      id: text,
      version: fc.option(text, { nil: null }),
      variables: fc.option(fc.dictionary(key, variable, { maxKeys: 3 }), { nil: null }),
    },
    { requiredKeys: ["id"] },
  ),
  { nil: null },
);

/** A valid GA realtime session configuration. */
export const realtimeSession = fc.record(
  {
    type: fc.constant("realtime"),
    model: fc.oneof(fc.constantFrom(...KNOWN_REALTIME_MODELS), text),
    instructions: text,
    output_modalities: fc.constantFrom(["audio"], ["text"]),
    audio: fc.record({ input: audioInput, output: audioOutput }, { requiredKeys: [] }),
    include: fc.constantFrom([], ["item.input_audio_transcription.logprobs"]),
    tracing,
    tools: fc.array(fc.oneof(functionTool, mcpTool), { maxLength: 3 }),
    tool_choice: toolChoice,
    parallel_tool_calls: fc.boolean(),
    reasoning: fc.record({ effort: fc.constantFrom("minimal", "low", "medium", "high", "xhigh") }, { requiredKeys: [] }),
    max_output_tokens: fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.constant("inf")),
    truncation,
    prompt,
  },
  { requiredKeys: ["type"] },
);

/** A valid GA transcription session configuration. */
export const transcriptionSession = fc.record(
  {
    type: fc.constant("transcription"),
    audio: fc.record({ input: audioInput }, { requiredKeys: [] }),
    include: fc.constantFrom([], ["item.input_audio_transcription.logprobs"]),
  },
  { requiredKeys: ["type"] },
);

/** A valid body of `POST /realtime/client_secrets`. */
export const clientSecretRequest = fc.record(
  {
    expires_after: fc.record(
      { anchor: fc.constant("created_at"), seconds: fc.integer({ min: 10, max: 7200 }) },
      { requiredKeys: [] },
    ),
    session: fc.oneof(realtimeSession, transcriptionSession),
  },
  { requiredKeys: [] },
);
