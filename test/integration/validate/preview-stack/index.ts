import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, RealtimeSession, SessionTemplate, TranscriptionSession, TranslationClientSecret } from "pulumi-openai-realtime";

// The arguments arrive untyped on purpose: the provider's check must refuse them at preview.
const config = new pulumi.Config();
const kind = config.require("kind");
const args = config.requireObject<any>("args");

const classes = { SessionTemplate, ClientSecret, RealtimeSession, TranscriptionSession, TranslationClientSecret } as const;
const Resource = classes[kind as keyof typeof classes];
new Resource("subject", args);
