import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Writes `files` (relative path -> text) into a fresh temporary folder and returns it. */
export function writeTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-config-"));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** A problem as one line, the way `validate` prints it, with the folder stripped. */
export function line(dir: string, p: { file: string; line: number; column: number; kind: string; message: string }): string {
  return `${path.relative(dir, p.file)}:${p.line}:${p.column} ${p.kind}: ${p.message}`;
}

/** A valid config with one of each section. */
export const VALID = `# yaml-language-server: $schema=../realtime.schema.json
templates:
  # The front desk.
  concierge: # oairt-disable OAIRT001
    session:
      type: realtime
      model: gpt-realtime
      instructions: Greet callers.
      audio: { output: { voice: marin } }
  desk:
    session: { type: transcription, audio: { input: { transcription: { model: gpt-4o-transcribe } } } }
clientSecrets:
  web:
    template: concierge
    expiresAfterSeconds: 600
    rotateBeforeSeconds: 120
realtimeSessions:
  legacy:
    session: { model: gpt-realtime, voice: alloy }
transcriptionSessions:
  captions:
    session: { input_audio_transcription: { model: gpt-4o-transcribe } }
translationClientSecrets:
  spanish:
    session: { model: gpt-realtime-translate, audio: { output: { language: es } } }
callRoutes:
  - match: { to: "sip:+1415*", headers: { X-Tier: gold } }
    action: accept
    template: concierge
  - match: { from: "*" }
    action: reject
    statusCode: 486
tokenEndpoints:
  web:
    template: concierge
    allowedOrigins: ["https://app.example.com"]
    rateLimit: { perMinute: 30, burst: 10 }
    auth: bearer
`;
