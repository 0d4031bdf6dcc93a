/**
 * A browser-like WebRTC offer (opus audio and a data channel, with the DTLS fingerprint every
 * browser sends) for `POST /realtime/calls`: the one offer the emulator's tests and the live
 * probes send, so both sides of a probe see the same request.
 */
export const SDP_OFFER = [
  "v=0",
  "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
  "s=-",
  "t=0 0",
  "a=group:BUNDLE 0 1",
  "a=msid-semantic: WMS",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8",
  "c=IN IP4 0.0.0.0",
  "a=mid:0",
  "a=ice-ufrag:abcd",
  "a=ice-pwd:abcdefghijklmnopqrstuvwx",
  "a=fingerprint:sha-256 8A:4D:1C:0E:7B:5F:3A:92:D1:6E:0C:4B:2F:8D:77:19:A3:5C:E0:42:6B:91:0D:F7:3E:28:C5:64:1A:BB:09:E2",
  "a=setup:actpass",
  "a=sendrecv",
  "a=rtcp-mux",
  "a=rtpmap:111 opus/48000/2",
  "a=fmtp:111 minptime=10;useinbandfec=1",
  "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
  "c=IN IP4 0.0.0.0",
  "a=mid:1",
  "a=setup:actpass",
  "a=sctp-port:5000",
  "",
].join("\r\n");
