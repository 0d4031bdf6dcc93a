import { invalidRequest } from "./errors";
import { randomFingerprint, randomToken } from "./ids";

interface MediaSection {
  kind: string;
  proto: string;
  formats: string[];
  attributes: string[];
}

/** Payload types RFC 3551 assigns statically, for offers that omit their rtpmap. */
const STATIC_CODECS: Readonly<Record<string, string>> = { "0": "PCMU/8000", "8": "PCMA/8000" };

/** Audio codecs the model speaks, best first. */
const CODEC_PREFERENCE = ["opus", "pcmu", "pcma"];

const ANSWER_DIRECTION: Readonly<Record<string, string>> = {
  sendrecv: "sendrecv",
  sendonly: "recvonly",
  recvonly: "sendonly",
  inactive: "inactive",
};

function invalidSdp(reason: string): Error {
  return invalidRequest(`Invalid SDP offer: ${reason}.`, "sdp", "invalid_value");
}

/** Splits an offer into media sections; throws a 400 naming `sdp` when it is not SDP. */
function parseOffer(sdp: string): MediaSection[] {
  const lines = sdp.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines[0]?.trim() !== "v=0") throw invalidSdp("it must start with 'v=0'");
  const bad = lines.find((line) => !/^[a-z]=/.test(line));
  if (bad !== undefined) throw invalidSdp("every line must look like '<letter>=<value>'");
  const media: MediaSection[] = [];
  for (const line of lines) {
    if (line.startsWith("m=")) {
      const [kind, , proto, ...formats] = line.slice(2).trim().split(/\s+/);
      if (kind === undefined || proto === undefined || formats.length === 0) throw invalidSdp(`malformed media line '${line}'`);
      media.push({ kind, proto, formats, attributes: [] });
    } else if (line.startsWith("a=") && media.length > 0) {
      media[media.length - 1]!.attributes.push(line.slice(2).trim());
    }
  }
  if (media.length === 0) throw invalidSdp("it has no media ('m=') section");
  return media;
}

function attribute(section: MediaSection, name: string): string | undefined {
  const found = section.attributes.find((attr) => attr === name || attr.startsWith(`${name}:`));
  return found === undefined ? undefined : found.slice(name.length + 1);
}

/** The offered payload type the model can use, with its rtpmap, or null. */
function pickAudioCodec(section: MediaSection): { pt: string; rtpmap: string } | null {
  const rtpmaps = new Map<string, string>();
  for (const pt of section.formats) {
    const mapped = section.attributes.find((attr) => attr.startsWith(`rtpmap:${pt} `));
    const codec = mapped?.slice(`rtpmap:${pt} `.length) ?? STATIC_CODECS[pt];
    if (codec !== undefined) rtpmaps.set(pt, codec);
  }
  for (const wanted of CODEC_PREFERENCE) {
    for (const [pt, codec] of rtpmaps) {
      if (codec.toLowerCase().startsWith(`${wanted}/`)) return { pt, rtpmap: codec };
    }
  }
  return null;
}

function answerSetup(section: MediaSection): string {
  return attribute(section, "setup") === "active" ? "passive" : "active";
}

/**
 * An SDP answer for a WebRTC offer, as the API returns from
 * `POST /v1/realtime/calls`: one answer section per offered section, audio
 * answered with the best shared codec and the mirrored direction, data
 * channels accepted, anything else rejected with port 0 (RFC 3264).
 *
 * @example
 * buildSdpAnswer("v=0\r\n...m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n...");
 */
export function buildSdpAnswer(offer: string, nowSeconds: number): string {
  const media = parseOffer(offer);
  const ufrag = randomToken(12);
  const pwd = randomToken(32);
  const sections: string[][] = [];
  const bundled: string[] = [];
  let audioAnswered = false;
  media.forEach((section, index) => {
    const mid = attribute(section, "mid") ?? String(index);
    const transport = [
      `a=mid:${mid}`,
      `a=ice-ufrag:${ufrag}`,
      `a=ice-pwd:${pwd}`,
      `a=setup:${answerSetup(section)}`,
    ];
    const codec = section.kind === "audio" ? pickAudioCodec(section) : null;
    if (codec !== null) {
      const direction = ANSWER_DIRECTION[section.attributes.find((attr) => attr in ANSWER_DIRECTION) ?? "sendrecv"]!;
      const fmtp = section.attributes.find((attr) => attr.startsWith(`fmtp:${codec.pt} `));
      sections.push([
        `m=audio 9 ${section.proto} ${codec.pt}`,
        ...transport,
        `a=${direction}`,
        ...(section.attributes.includes("rtcp-mux") ? ["a=rtcp-mux"] : []),
        `a=rtpmap:${codec.pt} ${codec.rtpmap}`,
        ...(fmtp === undefined ? [] : [`a=${fmtp}`]),
        `a=candidate:1 1 udp 2130706431 127.0.0.1 3478 typ host ufrag ${ufrag}`,
      ]);
      bundled.push(mid);
      audioAnswered = true;
    } else if (section.kind === "application" && section.proto.includes("SCTP")) {
      sections.push([`m=application 9 ${section.proto} ${section.formats.join(" ")}`, ...transport, "a=sctp-port:5000"]);
      bundled.push(mid);
    } else {
      sections.push([`m=${section.kind} 0 ${section.proto} ${section.formats[0]}`, `a=mid:${mid}`, "a=inactive"]);
    }
  });
  if (!audioAnswered) throw invalidSdp("it offers no audio section with an opus, PCMU or PCMA codec");
  const lines = [
    "v=0",
    `o=- ${Math.floor(Math.random() * 4e9)} ${nowSeconds} IN IP4 127.0.0.1`,
    "s=-",
    "c=IN IP4 127.0.0.1",
    "t=0 0",
    ...(bundled.length > 0 ? [`a=group:BUNDLE ${bundled.join(" ")}`] : []),
    "a=msid-semantic:WMS *",
    `a=fingerprint:sha-256 ${randomFingerprint()}`,
    ...sections.flat(),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
