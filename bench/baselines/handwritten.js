// What a user writes without this package: a dynamic provider on the
// official `openai` SDK, the client constructed per call as Pulumi's
// dynamic-provider docs show, the session compared by JSON, the token a
// secret output.
"use strict";
const pulumi = require("@pulumi/pulumi");
const OpenAI = require("openai");

const provider = {
  async diff(_id, olds, news) {
    const replaces = [];
    if (JSON.stringify(olds.session) !== JSON.stringify(news.session)) replaces.push("session");
    if (olds.expiresAfterSeconds !== news.expiresAfterSeconds) replaces.push("expiresAfterSeconds");
    return { changes: replaces.length > 0, replaces };
  },
  async create(inputs) {
    // OPENAI_API_KEY and OPENAI_BASE_URL come from the environment.
    const client = new OpenAI.default();
    const res = await client.realtime.clientSecrets.create({
      expires_after: { anchor: "created_at", seconds: inputs.expiresAfterSeconds },
      session: inputs.session,
    });
    return {
      id: res.session.id ?? `secret-${res.expires_at}`,
      outs: { ...inputs, value: res.value, expiresAt: res.expires_at, sessionId: res.session.id },
    };
  },
};

class HandWrittenClientSecret extends pulumi.dynamic.Resource {
  constructor(name, args, opts) {
    super(
      provider,
      name,
      { value: undefined, expiresAt: undefined, sessionId: undefined, ...args },
      { ...opts, additionalSecretOutputs: ["value"] },
      "bench",
      "HandWrittenClientSecret",
    );
  }
}

/** Declares `count` client secrets for `session`. */
exports.declare = (count, session) => {
  for (let i = 0; i < count; i++) new HandWrittenClientSecret(`secret-${i}`, { session, expiresAfterSeconds: 600 });
};
