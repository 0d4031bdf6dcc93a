import { randomBytes } from "node:crypto";

/** One text part of a multipart/form-data body. */
export interface TextPart {
  name: string;
  contentType: string;
  value: string;
}

/**
 * Encodes text parts as multipart/form-data, each with its own Content-Type
 * and no filename (what `curl -F 'sdp=<offer.sdp;type=application/sdp'`
 * sends). Written by hand because `FormData` turns typed parts into files.
 */
export function encodeMultipart(parts: readonly TextPart[]): { contentType: string; data: string } {
  let boundary: string;
  do {
    boundary = `----pulumi-openai-realtime-${randomBytes(12).toString("hex")}`;
  } while (parts.some((p) => p.value.includes(boundary)));
  const data =
    parts
      .map(
        (p) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n` +
          `Content-Type: ${p.contentType}\r\n\r\n${p.value}\r\n`,
      )
      .join("") + `--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, data };
}
