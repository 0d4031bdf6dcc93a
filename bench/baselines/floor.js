// The engine's floor: a dynamic resource whose create returns at once. Same
// arguments as a ClientSecret, so the registration carries the same bytes;
// whatever a real provider costs above this is its own.
"use strict";
const pulumi = require("@pulumi/pulumi");

const provider = {
  async create() {
    return { id: `noop-${Math.random().toString(36).slice(2)}`, outs: {} };
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name, args, opts) {
    super(provider, name, args, opts, "bench", "Noop");
  }
}

/** Declares `count` no-op resources carrying `session`. */
exports.declare = (count, session) => {
  for (let i = 0; i < count; i++) new Noop(`secret-${i}`, { session, expiresAfterSeconds: 600 });
};
