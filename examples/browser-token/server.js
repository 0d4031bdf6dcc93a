#!/usr/bin/env node
// The app server: serves the page and hands it the browser token, read from
// this Pulumi stack (`pulumi stack output clientSecrets --show-secrets`) on
// each request, so a token re-minted by `pulumi up` is picked up at once.
// No dependencies; the token is never logged.
//
//   OPENAI_BASE_URL     the API the page calls (default https://api.openai.com/v1)
//   PORT                where to listen (default 3000; 0 picks a free port)
//   CLIENT_SECRET_NAME  entry of clientSecrets to hand out (default "browser")
"use strict";

const { execFile } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const api = (process.env.OPENAI_BASE_URL || "https://api.openai.com/v1").replace(/\/+$/, "");
const secretName = process.env.CLIENT_SECRET_NAME || "browser";
// OpenAI answers the browser's cross-origin request itself; a local API (the
// emulator) sends no CORS headers, so the page posts to this server, which
// forwards the offer and the token unchanged.
const proxied = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(api);
const callsUrl = proxied ? "/v1/realtime/calls" : `${api}/realtime/calls`;
const page = fs.readFileSync(path.join(__dirname, "public", "index.html"));

function readToken() {
  return new Promise((resolve, reject) => {
    execFile(
      "pulumi",
      ["stack", "output", "clientSecrets", "--show-secrets", "--json", "--non-interactive"],
      { cwd: __dirname },
      (err, stdout) => {
        if (err) return reject(new Error("could not read clientSecrets from the stack (run `pulumi up` first)"));
        const entry = JSON.parse(stdout)[secretName];
        if (!entry) return reject(new Error(`the stack has no clientSecrets.${secretName}`));
        resolve({ token: entry.value, expiresAt: entry.expiresAt });
      },
    );
  });
}

async function forwardOffer(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const upstream = await fetch(`${api}/realtime/calls`, {
    method: "POST",
    headers: { authorization: req.headers.authorization || "", "content-type": req.headers["content-type"] || "" },
    body: Buffer.concat(chunks),
  });
  const headers = { "content-type": upstream.headers.get("content-type") || "text/plain" };
  const location = upstream.headers.get("location");
  if (location) headers.location = location;
  res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === "GET" && (req.url === "/" || req.url === "/index.html")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    } else if (req.method === "GET" && req.url === "/session") {
      const { token, expiresAt } = await readToken();
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ token, expiresAt, callsUrl }));
    } else if (proxied && req.method === "POST" && req.url === "/v1/realtime/calls") {
      await forwardOffer(req, res);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    }
  } catch (err) {
    res.writeHead(502, { "content-type": "text/plain" }).end(`${err.message}\n`);
  }
});

server.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
