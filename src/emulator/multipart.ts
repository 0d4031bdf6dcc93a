import { invalidRequest } from "./errors";

/** One text field of a multipart body, with the part's own content type. */
export interface MultipartField {
  value: string;
  contentType: string | null;
}

/**
 * Parses `multipart/form-data` into text fields by name. Parts may arrive as
 * plain fields or as (filename-less) files, as the official SDK sends them;
 * both are read as UTF-8 text. A repeated name keeps the first value.
 */
export async function parseMultipart(raw: Buffer, contentTypeHeader: string): Promise<Map<string, MultipartField>> {
  let form: FormData;
  try {
    // The fetch Response parser implements RFC 7578 fully; no need for our own.
    form = await new Response(raw, { headers: { "content-type": contentTypeHeader } }).formData();
  } catch {
    throw invalidRequest("Could not parse the multipart/form-data body of your request.", null, "invalid_multipart");
  }
  const fields = new Map<string, MultipartField>();
  for (const [name, entry] of form.entries()) {
    if (fields.has(name)) continue;
    if (typeof entry === "string") {
      fields.set(name, { value: entry, contentType: null });
    } else {
      fields.set(name, { value: await entry.text(), contentType: entry.type === "" ? null : entry.type });
    }
  }
  return fields;
}
