/**
 * Request and response examples from the OpenAI Realtime API reference, copied so the tests stand
 * on their own. Three examples in the reference are not valid JSON (a trailing comma); they are
 * copied with the comma removed.
 */

/** SDP offer used as the `sdp` of a call create (the reference's SDP answer text). */
export const SDP = [
  "v=0",
  "o=- 4227147428 1719357865 IN IP4 127.0.0.1",
  "s=-",
  "c=IN IP4 0.0.0.0",
  "t=0 0",
  "a=group:BUNDLE 0 1",
  "a=msid-semantic:WMS *",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8",
  "a=mid:0",
  "a=rtpmap:111 opus/48000/2",
  "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
  "a=mid:1",
  "a=sctp-port:5000",
  "",
].join("\r\n");

export const requestExamples = {
  callCreate: { sdp: SDP, session: { type: "realtime", model: "gpt-realtime" } },
  callAccept: {
    type: "realtime",
    model: "gpt-realtime",
    instructions: "You are Alex, a friendly concierge for Example Corp.",
  },
  callRefer: { target_uri: "tel:+14155550123" },
  callReject: { status_code: 486 },
  clientSecret: {
    expires_after: { anchor: "created_at", seconds: 600 },
    session: { type: "realtime", model: "gpt-realtime", instructions: "You are a friendly assistant." },
  },
  session: {
    model: "gpt-realtime",
    modalities: ["audio", "text"],
    instructions: "You are a friendly assistant.",
  },
  transcriptionSession: {},
  translationClientSecret: {
    expires_after: { anchor: "created_at", seconds: 600 },
    session: {
      model: "gpt-realtime-translate",
      audio: {
        input: { transcription: { model: "gpt-realtime-whisper" }, noise_reduction: null },
        output: { language: "es" },
      },
    },
  },
} as const;

const gaSessionResponse = (model: string, turnDetection: Record<string, unknown>) => ({
  type: "realtime",
  object: "realtime.session",
  id: "sess_C9CiUVUzUzYIssh3ELY1d",
  model,
  output_modalities: ["audio"],
  instructions: "You are a friendly assistant.",
  tools: [],
  tool_choice: "auto",
  max_output_tokens: "inf",
  tracing: null,
  truncation: "auto",
  prompt: null,
  expires_at: 0,
  audio: {
    input: {
      format: { type: "audio/pcm", rate: 24000 },
      transcription: null,
      noise_reduction: null,
      turn_detection: turnDetection,
    },
    output: { format: { type: "audio/pcm", rate: 24000 }, voice: "alloy", speed: 1.0 },
  },
  include: null,
});

const legacySession = {
  id: "sess_001",
  object: "realtime.session",
  model: "gpt-realtime-2025-08-25",
  modalities: ["audio", "text"],
  instructions: "You are a friendly assistant.",
  voice: "alloy",
  input_audio_format: "pcm16",
  output_audio_format: "pcm16",
  input_audio_transcription: { model: "whisper-1" },
  turn_detection: null,
  tools: [],
  tool_choice: "none",
  temperature: 0.7,
  max_response_output_tokens: 200,
  speed: 1.1,
  tracing: "auto",
  client_secret: { value: "ek_abc123", expires_at: 1234567890 },
};

const legacyTranscription = {
  id: "sess_BBwZc7cFV3XizEyKGDCGL",
  object: "realtime.transcription_session",
  modalities: ["audio", "text"],
  turn_detection: { type: "server_vad", threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 200 },
  input_audio_format: "pcm16",
  input_audio_transcription: { model: "gpt-4o-transcribe", language: null, prompt: "" },
  client_secret: null,
};

const translationSession = (id: string, expiresAt: number, transcription: { model: string } | null) => ({
  id,
  type: "translation",
  expires_at: expiresAt,
  model: "gpt-realtime-translate",
  audio: { input: { transcription, noise_reduction: null }, output: { language: "es" } },
});

export const responseExamples = {
  /** `POST /realtime/client_secrets` example (trailing comma removed). */
  clientSecret: {
    value: "ek_68af296e8e408191a1120ab6383263c2",
    expires_at: 1756310470,
    session: gaSessionResponse("gpt-realtime", { type: "server_vad" }),
  },
  /** `RealtimeCreateClientSecretResponse` component example. */
  clientSecretComponent: {
    value: "ek_68af296e8e408191a1120ab6383263c2",
    expires_at: 1756310470,
    session: gaSessionResponse("gpt-realtime-2025-08-25", {
      type: "server_vad",
      threshold: 0.5,
      prefix_padding_ms: 300,
      silence_duration_ms: 200,
      idle_timeout_ms: null,
      create_response: true,
      interrupt_response: true,
    }),
  },
  /** `POST /realtime/sessions` example (legacy flat shape). */
  session: legacySession,
  /** The example the reference attaches to `RealtimeSessionCreateRequest`, a response by its shape. */
  sessionRequestComponent: {
    ...legacySession,
    truncation: "auto",
    prompt: null,
  },
  /** `RealtimeSessionCreateResponse` component example. */
  sessionComponent: {
    id: "sess_001",
    object: "realtime.session",
    expires_at: 1742188264,
    model: "gpt-realtime",
    output_modalities: ["audio"],
    instructions: "You are a friendly assistant.",
    tools: [],
    tool_choice: "none",
    max_output_tokens: "inf",
    tracing: "auto",
    truncation: "auto",
    prompt: null,
    audio: {
      input: {
        format: { type: "audio/pcm", rate: 24000 },
        transcription: { model: "whisper-1" },
        noise_reduction: null,
        turn_detection: null,
      },
      output: { format: { type: "audio/pcm", rate: 24000 }, voice: "alloy", speed: 1.0 },
    },
  },
  /** `POST /realtime/transcription_sessions` example. */
  transcriptionSession: legacyTranscription,
  /** `RealtimeTranscriptionSessionCreateResponse` component example. */
  transcriptionSessionComponent: { ...legacyTranscription, expires_at: 1742188264 },
  /** `RealtimeTranscriptionSessionCreateResponseGA` component example (string `format`). */
  transcriptionSessionGA: {
    id: "sess_BBwZc7cFV3XizEyKGDCGL",
    type: "transcription",
    object: "realtime.transcription_session",
    expires_at: 1742188264,
    include: ["item.input_audio_transcription.logprobs"],
    audio: {
      input: {
        format: "pcm16",
        transcription: { model: "gpt-4o-transcribe", language: null, prompt: "" },
        noise_reduction: null,
        turn_detection: { type: "server_vad", threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 200 },
      },
    },
  },
  /** `POST /realtime/translations/client_secrets` example. */
  translationClientSecret: {
    value: "ek_68af296e8e408191a1120ab6383263c2",
    expires_at: 1756310470,
    session: translationSession("sess_C9CiUVUzUzYIssh3ELY1d", 1756310470, { model: "gpt-realtime-whisper" }),
  },
  /** `RealtimeTranslationClientSecretCreateResponse` component example. */
  translationClientSecretComponent: {
    value: "ek_68af296e8e408191a1120ab6383263c2",
    expires_at: 1756310470,
    session: translationSession("sess_C9CiUVUzUzYIssh3ELY1d", 1756310470, null),
  },
  /** `RealtimeTranslationSession` component example. */
  translationSession: translationSession("sess_C9G5QPteg4UIbotdKLoYQ", 1756324625, { model: "gpt-realtime-whisper" }),
  /** `WebhookRealtimeCallIncoming` example (trailing comma removed). */
  callIncoming: {
    id: "evt_abc123",
    type: "realtime.call.incoming",
    created_at: 1719168000,
    data: {
      call_id: "rtc_479a275623b54bdb9b6fbae2f7cbd408",
      sip_headers: [
        { name: "Max-Forwards", value: "63" },
        { name: "CSeq", value: "851287 INVITE" },
        { name: "Content-Type", value: "application/sdp" },
      ],
    },
  },
} as const;

/** A GA session that uses every field of the reference at least once. */
export const fullSession = {
  type: "realtime",
  model: "gpt-realtime-2",
  instructions: "You are a friendly concierge.",
  output_modalities: ["audio"],
  audio: {
    input: {
      format: { type: "audio/pcm", rate: 24000 },
      transcription: {
        model: "gpt-transcribe",
        language: "en",
        languages: ["en", "fr"],
        keywords: ["Pulumi"],
        prompt: "Infrastructure words",
        delay: "low",
      },
      noise_reduction: { type: "near_field" },
      turn_detection: {
        type: "server_vad",
        threshold: 0.5,
        prefix_padding_ms: 300,
        silence_duration_ms: 500,
        create_response: true,
        interrupt_response: false,
        idle_timeout_ms: 6000,
      },
    },
    output: { format: { type: "audio/pcmu" }, voice: "marin", speed: 1.1 },
  },
  include: ["item.input_audio_transcription.logprobs"],
  tracing: { workflow_name: "concierge", group_id: "g1", metadata: { team: "voice" } },
  tools: [
    { type: "function", name: "lookup_order", description: "Find an order", parameters: { type: "object", properties: {} } },
    {
      type: "mcp",
      server_label: "docs",
      server_url: "https://mcp.example.com/sse",
      authorization: "token",
      server_description: "Docs",
      headers: { "X-Team": "voice" },
      allowed_tools: { tool_names: ["search"], read_only: true },
      allowed_callers: ["direct"],
      require_approval: { never: { tool_names: ["search"] } },
      defer_loading: false,
    },
    { type: "mcp", server_label: "mail", connector_id: "connector_gmail", require_approval: "always", allowed_tools: ["read"] },
    { type: "mcp", server_label: "tunnel", tunnel_id: `tunnel_${"a".repeat(32)}`, headers: null, allowed_tools: null },
  ],
  tool_choice: { type: "mcp", server_label: "docs", name: null },
  parallel_tool_calls: true,
  reasoning: { effort: "medium" },
  max_output_tokens: 4096,
  truncation: { type: "retention_ratio", retention_ratio: 0.8, token_limits: { post_instructions: 5000 } },
  prompt: {
    id: "pmpt_123",
    version: "2",
    variables: {
      city: "Paris",
      greeting: { type: "input_text", text: "Bonjour", prompt_cache_breakpoint: { mode: "explicit" } },
      logo: { type: "input_image", image_url: "https://example.com/logo.png", detail: "auto" },
      menu: { type: "input_file", file_id: "file_123", filename: "menu.pdf", detail: "high" },
    },
  },
} as const;
