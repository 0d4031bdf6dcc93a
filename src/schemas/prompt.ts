import { z } from "zod";
import { describedUnion, strictKit, type Kit, type Mode } from "./kit";

/** Builds `PromptCacheBreakpointConfig`. */
function cacheBreakpoint<M extends Mode>(k: Kit<M>) {
  return k.object({ mode: z.literal("explicit") });
}

/** Builds `InputTextContent`. */
export function inputTextContent<M extends Mode>(k: Kit<M>) {
  return k.object({
    type: z.literal("input_text"),
    text: z.string(),
    prompt_cache_breakpoint: k.optional(cacheBreakpoint(k)),
  });
}

/** A text value for a prompt variable. */
export const InputTextContent = inputTextContent(strictKit);
/** A text input. */
export type InputTextContent = z.infer<typeof InputTextContent>;

/** Image detail level. */
export const ImageDetail = z.enum(["low", "high", "auto", "original"]);
/** Image detail level. */
export type ImageDetail = z.infer<typeof ImageDetail>;

/** Builds `InputImageContent`. */
export function inputImageContent<M extends Mode>(k: Kit<M>) {
  return k.object({
    type: z.literal("input_image"),
    // A fully qualified URL or a base64 data URL.
    image_url: k.optional(z.url().nullable()),
    file_id: k.optional(z.string().nullable()),
    detail: ImageDetail,
    prompt_cache_breakpoint: k.optional(cacheBreakpoint(k)),
  });
}

/** An image value for a prompt variable; `detail` is required. */
export const InputImageContent = inputImageContent(strictKit);
/** An image input. */
export type InputImageContent = z.infer<typeof InputImageContent>;

/** File detail level. */
export const FileInputDetail = z.enum(["auto", "low", "high"]);
/** File detail level. */
export type FileInputDetail = z.infer<typeof FileInputDetail>;

/** Builds `InputFileContent`. */
export function inputFileContent<M extends Mode>(k: Kit<M>) {
  return k.object({
    type: z.literal("input_file"),
    file_id: k.optional(z.string().nullable()),
    filename: k.optional(z.string()),
    file_data: k.optional(z.string()),
    prompt_cache_breakpoint: k.optional(cacheBreakpoint(k)),
    file_url: k.optional(z.url()),
    detail: k.optional(FileInputDetail),
  });
}

/** A file value for a prompt variable. */
export const InputFileContent = inputFileContent(strictKit);
/** A file input. */
export type InputFileContent = z.infer<typeof InputFileContent>;

/** Builds `ResponsePromptVariables`. */
export function promptVariables<M extends Mode>(k: Kit<M>) {
  const value = describedUnion(
    [
      z.string(),
      z.discriminatedUnion("type", [inputTextContent(k), inputImageContent(k), inputFileContent(k)]),
    ],
    "a string or an input_text, input_image or input_file object",
  );
  return z.record(z.string(), value).nullable();
}

/** Values substituted into a prompt template's variables; `null` for none. */
export const ResponsePromptVariables = promptVariables(strictKit);
/** Prompt variables. */
export type ResponsePromptVariables = z.infer<typeof ResponsePromptVariables>;

/** Builds `Prompt`. */
export function prompt<M extends Mode>(k: Kit<M>) {
  return k
    .object({
      id: z.string(),
      version: k.optional(z.string().nullable()),
      variables: k.optional(promptVariables(k)),
    })
    .nullable();
}

/**
 * A reference to a stored prompt template and its variables, or `null`.
 *
 * @example
 * Prompt.parse({ id: "pmpt_123", variables: { city: "Paris" } });
 */
export const Prompt = prompt(strictKit);
/** A prompt template reference. */
export type Prompt = z.infer<typeof Prompt>;
