#!/usr/bin/env node
// `npm run schema`: writes schema/realtime.schema.json, the JSON Schema of
// realtime.yaml, from the built zod schemas (run after `npm run build`).
// A unit test fails while the committed file differs from what this writes.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const { realtimeJsonSchema, JSON_SCHEMA_FILE } = require(path.join(root, "dist", "config", "json-schema.js"));
const file = path.join(root, JSON_SCHEMA_FILE);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(realtimeJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
