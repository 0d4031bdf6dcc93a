// This package: the same client secrets through `ClientSecret`.
"use strict";
const { ClientSecret } = require("pulumi-openai-realtime");

/** Declares `count` client secrets for `session`. */
exports.declare = (count, session) => {
  for (let i = 0; i < count; i++) new ClientSecret(`secret-${i}`, { session, expiresAfterSeconds: 600 });
};
