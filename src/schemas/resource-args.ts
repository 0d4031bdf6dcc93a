import { z } from "zod";
import { RealtimeCreateClientSecretRequest } from "./client-secrets";
import { integer } from "./kit";
import { RealtimeSessionCreateRequest, RealtimeTranscriptionSessionCreateRequest } from "./legacy-sessions";
import { RealtimeTranslationSessionCreateRequest } from "./translation";

// Arguments of the package's Pulumi resources. Session configs keep the
// API's wire shape (snake_case); the arguments that are ours are camelCase.
// The provider's `check`, the policy pack and the offline `validate` command
// all read these, so a config fails the same way everywhere.

/** Default lifetime of a minted client secret, as the API's. */
export const DEFAULT_EXPIRES_AFTER_SECONDS = 600;

/** A realtime or transcription session config, told apart by `type` (the body of a client secret's `session`). */
export const ClientSecretSession = RealtimeCreateClientSecretRequest.shape.session.unwrap();
/** A realtime or transcription session config. */
export type ClientSecretSession = z.infer<typeof ClientSecretSession>;

/** What `pulumi up` does with a token at its rotation point: re-mint it (replace), or keep it and warn. */
export const OnExpiry = z.enum(["replace", "keep"]);
/** What `pulumi up` does with a token at its rotation point. */
export type OnExpiry = z.infer<typeof OnExpiry>;
const onExpiry = { onExpiry: OnExpiry.optional() };

const expiry = {
  ...onExpiry,
  /** Seconds the minted secret lives: 10..7200. */
  expiresAfterSeconds: integer(10, 7200).optional(),
  /** Seconds before expiry from which `pulumi up` re-mints the secret. */
  rotateBeforeSeconds: integer(0, 7199).optional(),
};

/** Refuses a `rotateBeforeSeconds` not below the lifetime (which would re-mint on every update); shared with realtime.yaml's entries. */
export function rotateBeforeExpiry(args: { expiresAfterSeconds?: number | undefined; rotateBeforeSeconds?: number | undefined }, ctx: z.core.$RefinementCtx) {
  const expires = args.expiresAfterSeconds ?? DEFAULT_EXPIRES_AFTER_SECONDS;
  const rotate = args.rotateBeforeSeconds ?? 0;
  if (rotate >= expires) {
    ctx.addIssue({
      code: "custom",
      path: ["rotateBeforeSeconds"],
      input: rotate,
      message:
        `Invalid '{path}': ${rotate} must be less than expiresAfterSeconds (${expires}), ` +
        "or every update would re-mint the secret.",
    });
  }
}

/** Arguments of `SessionTemplate`. */
export const SessionTemplateArgs = z.strictObject({ session: ClientSecretSession });
/** Arguments of `SessionTemplate`. */
export type SessionTemplateArgs = z.infer<typeof SessionTemplateArgs>;

/** Arguments of `ClientSecret`. */
export const ClientSecretArgs = z.strictObject({ session: ClientSecretSession, ...expiry }).superRefine(rotateBeforeExpiry);
/** Arguments of `ClientSecret`. */
export type ClientSecretArgs = z.infer<typeof ClientSecretArgs>;

/** Arguments of `RealtimeSession` (the body of `POST /realtime/sessions`). */
export const RealtimeSessionArgs = z.strictObject({ session: RealtimeSessionCreateRequest.optional(), ...onExpiry });
/** Arguments of `RealtimeSession`. */
export type RealtimeSessionArgs = z.infer<typeof RealtimeSessionArgs>;

/** Arguments of `TranscriptionSession` (the body of `POST /realtime/transcription_sessions`). */
export const TranscriptionSessionArgs = z.strictObject({ session: RealtimeTranscriptionSessionCreateRequest.optional(), ...onExpiry });
/** Arguments of `TranscriptionSession`. */
export type TranscriptionSessionArgs = z.infer<typeof TranscriptionSessionArgs>;

/** Arguments of `TranslationClientSecret`. */
export const TranslationClientSecretArgs = z
  .strictObject({ session: RealtimeTranslationSessionCreateRequest, ...expiry })
  .superRefine(rotateBeforeExpiry);
/** Arguments of `TranslationClientSecret`. */
export type TranslationClientSecretArgs = z.infer<typeof TranslationClientSecretArgs>;

/** Argument schema of each resource class, by class name. */
export const RESOURCE_ARGS = {
  SessionTemplate: SessionTemplateArgs,
  ClientSecret: ClientSecretArgs,
  RealtimeSession: RealtimeSessionArgs,
  TranscriptionSession: TranscriptionSessionArgs,
  TranslationClientSecret: TranslationClientSecretArgs,
} as const;
