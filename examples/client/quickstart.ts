import { RealtimeClient } from "pulumi-openai-realtime/client";

const session = { type: "realtime", model: "gpt-realtime", instructions: "You are a friendly concierge." } as const;

// A browser's WebRTC offer (here a minimal audio-only one); its SDP answer goes back to the browser.
const offer = [
  "v=0",
  "o=- 0 0 IN IP4 127.0.0.1",
  "s=-",
  "t=0 0",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111",
  "a=rtpmap:111 opus/48000/2",
  "a=sendrecv",
  "",
].join("\r\n");

async function main(): Promise<void> {
  const client = new RealtimeClient(); // apiKey: OPENAI_API_KEY, baseURL: OPENAI_BASE_URL

  // A short-lived token for a browser or an app; print where it came from, never its value.
  const secret = await client.clientSecrets.create({ session, expires_after: { anchor: "created_at", seconds: 600 } });
  console.log(`token expires at ${secret.expires_at} (request id ${secret._request_id})`);

  // A WebRTC call set up server-side, then ended.
  const { callId, sdpAnswer } = await client.calls.create({ sdp: offer, session });
  console.log(`call ${callId} answered with ${sdpAnswer.split("\r\n").length} SDP lines`);
  await client.calls.hangup(callId);
  console.log(`call ${callId} ended`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
