import { describe, expect, it } from "vitest";
import { buildSdpAnswer } from "../../../src/emulator/sdp";
import { SDP_OFFER } from "./helpers";

const lines = (sdp: string): string[] => sdp.split("\r\n");

describe("buildSdpAnswer", () => {
  it("answers with session lines first and one section per offered section", () => {
    const answer = buildSdpAnswer(SDP_OFFER, 1719357865);
    const all = lines(answer);
    expect(all.slice(0, 5)).toEqual(["v=0", expect.stringMatching(/^o=- \d+ 1719357865 IN IP4 127\.0\.0\.1$/), "s=-", "c=IN IP4 127.0.0.1", "t=0 0"]);
    expect(all).toContain("a=group:BUNDLE 0 1");
    expect(all.find((l) => l.startsWith("a=fingerprint:"))).toMatch(/^a=fingerprint:sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(all.filter((l) => l.startsWith("m="))).toEqual([
      "m=audio 9 UDP/TLS/RTP/SAVPF 111",
      "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
    ]);
    expect(answer.endsWith("\r\n")).toBe(true);
  });

  it("picks opus, keeps its fmtp, mirrors rtcp-mux and answers actpass with active", () => {
    const audio = lines(buildSdpAnswer(SDP_OFFER, 0));
    expect(audio).toEqual(
      expect.arrayContaining([
        "a=mid:0",
        "a=setup:active",
        "a=sendrecv",
        "a=rtcp-mux",
        "a=rtpmap:111 opus/48000/2",
        "a=fmtp:111 minptime=10;useinbandfec=1",
        "a=sctp-port:5000",
      ]),
    );
    expect(audio.find((l) => l.startsWith("a=ice-pwd:"))).toMatch(/^a=ice-pwd:[A-Za-z0-9]{32}$/);
  });

  it("mirrors the direction and falls back to static PCMU", () => {
    const offer = ["v=0", "o=- 1 1 IN IP4 0.0.0.0", "s=-", "t=0 0", "m=audio 9 RTP/AVP 0", "a=recvonly", "a=setup:active", ""].join("\n");
    const answer = lines(buildSdpAnswer(offer, 0));
    expect(answer).toEqual(expect.arrayContaining(["m=audio 9 RTP/AVP 0", "a=sendonly", "a=rtpmap:0 PCMU/8000", "a=setup:passive", "a=mid:0"]));
  });

  it("rejects video with port 0", () => {
    const offer = `${SDP_OFFER}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:2\r\na=rtpmap:96 VP8/90000\r\n`;
    const answer = lines(buildSdpAnswer(offer, 0));
    expect(answer.slice(-4)).toEqual(["m=video 0 UDP/TLS/RTP/SAVPF 96", "a=mid:2", "a=inactive", ""]);
    expect(answer).toContain("a=group:BUNDLE 0 1");
  });

  it.each([
    ["", "Invalid SDP offer: it must start with 'v=0'."],
    ["v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n", "Invalid SDP offer: it has no media ('m=') section."],
    ["v=0\r\nnot sdp\r\n", "Invalid SDP offer: every line must look like '<letter>=<value>'."],
    ["v=0\r\nm=audio 9 RTP/AVP 96\r\na=rtpmap:96 G722/8000\r\n", "Invalid SDP offer: it offers no audio section with an opus, PCMU or PCMA codec."],
  ])("rejects %j", (offer, message) => {
    expect(() => buildSdpAnswer(offer, 0)).toThrow(message);
  });
});
