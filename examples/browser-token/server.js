#!/usr/bin/env node
// The app server: serves the page, the TokenSource module it imports, and the
// app's own short-lived JWT that the token service accepts for the visitor.
// The page then mints one ek_ token per connection from the token service
// (`pulumi-openai-realtime tokens`), never from this server. For a kiosk,
// /session hands out the stack's one `kiosk` client secret instead
// (`pulumi stack output clientSecrets --show-secrets`, read per request).
// No dependencies; no token is logged.
//
//   TOKENS_URL       the token service (default http://127.0.0.1:8788)
//   OPENAI_BASE_URL  the API the page calls (default https://api.openai.com/v1)
//   PORT             where to listen (default 3000; 0 picks a free port)
"use strict";

const { execFile } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const api = (process.env.OPENAI_BASE_URL || "https://api.openai.com/v1").replace(/\/+$/, "");
const tokensUrl = (process.env.TOKENS_URL || "http://127.0.0.1:8788").replace(/\/+$/, "");
// OpenAI answers the browser's cross-origin request itself; a local API (the
// emulator) sends no CORS headers, so the page posts to this server, which
// forwards the offer and the token unchanged.
const proxied = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(api);
const config = {
  tokenUrl: `${tokensUrl}/tokens/browser`,
  callsUrl: proxied ? "/v1/realtime/calls" : `${api}/realtime/calls`,
};
const files = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/index.html": ["index.html", "text/html; charset=utf-8"],
  "/kiosk.html": ["kiosk.html", "text/html; charset=utf-8"],
};
// The browser helper, as the package ships it: one ES module a page imports as it is.
const tokenSourceModule = fs.readFileSync(require.resolve("pulumi-openai-realtime/browser"));

// The app's JWT key pair, made on the first start. The token service checks
// the app's JWTs with the public half (--jwt-public-key app-jwt.pub.pem).
function signingKey() {
  const keyFile = path.join(__dirname, "app-jwt.key.pem");
  if (!fs.existsSync(keyFile)) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
    fs.writeFileSync(path.join(__dirname, "app-jwt.pub.pem"), publicKey.export({ type: "spki", format: "pem" }));
    fs.writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  }
  return crypto.createPrivateKey(fs.readFileSync(keyFile));
}
const key = signingKey();
const base64url = (data) => Buffer.from(data).toString("base64url");

// A five-minute ES256 JWT for one visitor: the token service's rate limit is per subject.
function appToken(visitor) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "ES256", typ: "JWT" }));
  const claims = base64url(JSON.stringify({ sub: visitor, aud: "browser-token", iat: now, exp: now + 300 }));
  const signature = crypto.sign("sha256", Buffer.from(`${header}.${claims}`), { key, dsaEncoding: "ieee-p1363" });
  return `${header}.${claims}.${base64url(signature)}`;
}

// Who the visitor is: a cookie this server sets (a real app has its own login).
function visitorOf(req) {
  const match = /(?:^|;\s*)visitor=([0-9a-f-]{36})(?:;|$)/.exec(req.headers.cookie || "");
  return match ? match[1] : undefined;
}

function kioskToken() {
  return new Promise((resolve, reject) => {
    execFile("pulumi", ["stack", "output", "clientSecrets", "--show-secrets", "--json", "--non-interactive"], { cwd: __dirname }, (err, stdout) => {
      if (err) return reject(new Error("could not read clientSecrets from the stack (run `pulumi up` first)"));
      const entry = JSON.parse(stdout).kiosk;
      if (!entry) return reject(new Error("the stack has no clientSecrets.kiosk"));
      resolve({ token: entry.value, expiresAt: entry.expiresAt });
    });
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

const json = (res, body) => res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));

const server = http.createServer(async (req, res) => {
  try {
    const file = req.method === "GET" ? files[req.url] : undefined;
    if (file) {
      const headers = { "content-type": file[1] };
      if (!visitorOf(req)) headers["set-cookie"] = `visitor=${crypto.randomUUID()}; Path=/; HttpOnly; SameSite=Strict`;
      res.writeHead(200, headers).end(fs.readFileSync(path.join(__dirname, "public", file[0])));
    } else if (req.method === "GET" && req.url === "/token-source.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(tokenSourceModule);
    } else if (req.method === "GET" && req.url === "/config") {
      json(res, config);
    } else if (req.method === "POST" && req.url === "/app-token") {
      const visitor = visitorOf(req);
      if (!visitor) res.writeHead(401, { "content-type": "text/plain" }).end("no visitor cookie\n");
      else res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" }).end(appToken(visitor));
    } else if (req.method === "GET" && req.url === "/session") {
      json(res, { ...(await kioskToken()), callsUrl: config.callsUrl });
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
