/**
 * A local Realtime REST API (like stripe-mock for Stripe): the nine
 * endpoints, SIP call simulation with signed webhooks, fault injection and
 * request recording. Built on node:http only.
 *
 * @packageDocumentation
 */
import type { AddressInfo } from "node:net";
import { resolveOptions, type EmulatorOptions, type RunningEmulator } from "./options";
import { EmulatorServer } from "./server";
import { EmulatorState } from "./state";
import { WebhookSender } from "./webhook-sender";

export type { EmulatorOptions, RunningEmulator } from "./options";
export type { CallStatus, CallView } from "./call-state";
export type { EmulatorStats } from "./admin";
export type { FaultSettings } from "./faults";
export type { RecordedRequest } from "./recorder";

/** The host to put in the URL: wildcard binds are reached through loopback. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Starts the emulator and resolves once it listens.
 *
 * @example
 * const emulator = await startEmulator({ port: 0 });
 * const client = new OpenAI({ apiKey: "sk-test", baseURL: emulator.url });
 * await client.realtime.clientSecrets.create({ session: { type: "realtime", model: "gpt-realtime" } });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const state = new EmulatorState(resolved);
  const webhooks = resolved.webhook === null ? null : new WebhookSender(resolved.webhook, resolved.now);
  const emulator = new EmulatorServer(state, webhooks);
  await new Promise<void>((resolve, reject) => {
    emulator.server.once("error", reject);
    emulator.server.listen(resolved.port, resolved.host, () => {
      emulator.server.off("error", reject);
      resolve();
    });
  });
  const { port } = emulator.server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost(resolved.host)}:${port}/v1`,
    port,
    close: () => {
      closing ??= Promise.all([emulator.close(), webhooks?.close()]).then(() => undefined);
      return closing;
    },
  };
}
