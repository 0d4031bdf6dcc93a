/**
 * Zod schemas for every request and response body of the OpenAI Realtime REST API, named after
 * the OpenAPI components. Each schema has a type of the same name (`z.infer`).
 *
 * Request schemas are strict: unknown keys are rejected at every level, as the API answers
 * `400 unknown_parameter`. Response schemas are lenient: unknown keys are kept and unset fields
 * may be `null`, so fields the API adds later never break a caller.
 *
 * @example
 * import { RealtimeCreateClientSecretRequest, validate } from "pulumi-openai-realtime/schemas";
 * const result = validate(RealtimeCreateClientSecretRequest, body);
 * if (!result.ok) console.error(result.issues.map((issue) => issue.message));
 *
 * @packageDocumentation
 */
export {
  KNOWN_REALTIME_MODELS,
  KNOWN_TRANSCRIPTION_MODELS,
  KNOWN_TRANSLATION_MODELS,
  KNOWN_VOICES,
  type KnownRealtimeModel,
  type KnownTranscriptionModel,
  type KnownTranslationModel,
  type KnownVoice,
} from "./known";
export { formatIssues, formatPath, validate, type SchemaIssue } from "./issues";
export { type Mode } from "./kit";
export {
  AudioTranscription,
  AudioTranscriptionResponse,
  NoiseReductionType,
  RealtimeAudioFormats,
  RealtimeAudioFormatsResponse,
  RealtimeNoiseReduction,
  RealtimeTurnDetection,
  RealtimeTurnDetectionResponse,
  ReportedAudioInput,
  ReportedTurnDetection,
  TranscriptionDelay,
  VoiceIdsOrCustomVoice,
  VoiceIdsShared,
} from "./audio";
export {
  CallableToolAllowedCaller,
  MCPConnectorId,
  MCPTool,
  MCPToolFilter,
  RealtimeFunctionTool,
  RealtimeTool,
  RealtimeToolChoice,
  ToolChoiceFunction,
  ToolChoiceMCP,
  ToolChoiceOptions,
} from "./tools";
export {
  FileInputDetail,
  ImageDetail,
  InputFileContent,
  InputImageContent,
  InputTextContent,
  Prompt,
  ResponsePromptVariables,
} from "./prompt";
export {
  OutputModality,
  RealtimeIncludable,
  RealtimeMaxOutputTokens,
  RealtimeReasoning,
  RealtimeReasoningEffort,
  RealtimeTracingConfig,
  RealtimeTruncation,
} from "./session-options";
export { RealtimeCallAcceptRequest, RealtimeSessionCreateRequestGA, RealtimeSessionCreateResponseGA } from "./session";
export {
  RealtimeTranscriptionSessionCreateRequestGA,
  RealtimeTranscriptionSessionCreateResponseGA,
} from "./transcription";
export {
  ClientSecretExpiresAfter,
  RealtimeCreateClientSecretRequest,
  RealtimeCreateClientSecretResponse,
} from "./client-secrets";
export {
  LegacyAudioFormat,
  RealtimeSessionCreateRequest,
  RealtimeSessionCreateResponse,
  RealtimeTranscriptionSessionCreateRequest,
  RealtimeTranscriptionSessionCreateResponse,
} from "./legacy-sessions";
export {
  RealtimeTranslationClientSecretCreateRequest,
  RealtimeTranslationClientSecretCreateResponse,
  RealtimeTranslationSession,
  RealtimeTranslationSessionCreateRequest,
} from "./translation";
export { RealtimeCallCreateRequest, RealtimeCallReferRequest, RealtimeCallRejectRequest } from "./calls";
export { SipHeader, WebhookEvent, WebhookRealtimeCallIncoming } from "./webhooks";
export { ApiErrorBody, ErrorResponse } from "./errors";
export {
  ClientSecretSession,
  DEFAULT_EXPIRES_AFTER_SECONDS,
  RESOURCE_ARGS,
  SessionTemplateArgs,
  ClientSecretArgs,
  RealtimeSessionArgs,
  TranscriptionSessionArgs,
  TranslationClientSecretArgs,
} from "./resource-args";
export {
  AcceptRoute,
  CallRoute,
  CallRouteMatch,
  CallRoutes,
  DEFAULT_REJECT_STATUS,
  ReferRoute,
  RejectRoute,
} from "./call-routes";
