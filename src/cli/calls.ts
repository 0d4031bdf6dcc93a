import { readFileSync, writeFileSync } from "node:fs";
import { RealtimeClient } from "../client/client";
import { isOpenAIRealtimeError } from "../client/errors/guards";
import { RealtimeSessionCreateRequestGA, validate } from "../schemas";
import { UsageError, type CliIo, type Command } from "./command";
import { parseFlags, type FlagSpec } from "./flags";
import { templateSessionFromConfig } from "./router-config";

const USAGE = `Usage: pulumi-openai-realtime calls <accept|reject|refer|hangup|create> [CALL_ID] [flags]

Acts on one call through the Realtime API (OPENAI_API_KEY, OPENAI_BASE_URL):

  calls accept CALL_ID --session FILE              accept with the session in a JSON file
  calls accept CALL_ID --template NAME --config F  accept with a realtime.yaml template's session
  calls refer CALL_ID --to URI                     transfer the call (tel:... or sip:...)
  calls reject CALL_ID [--status N]                decline with a SIP status (default 603)
  calls hangup CALL_ID                             end the call
  calls create --sdp FILE [--session FILE] [--answer FILE]
                                                   start a WebRTC call: prints the call id and
                                                   writes the SDP answer (default answer.sdp)

Flags:
  --json    print one JSON object on stdout (errors too)
  --help    show this help

Exit codes: 0 done, 1 the API refused or could not be reached, 2 command-line mistake.

Examples:
  pulumi-openai-realtime calls accept rtc_123 --session session.json
  pulumi-openai-realtime calls accept rtc_123 --template concierge --config realtime.yaml
  pulumi-openai-realtime calls refer rtc_123 --to tel:+14155550123
  pulumi-openai-realtime calls reject rtc_123 --status 486
  pulumi-openai-realtime calls hangup rtc_123 --json
  pulumi-openai-realtime calls create --sdp offer.sdp --session session.json --answer answer.sdp
`;

const ACTIONS = ["accept", "reject", "refer", "hangup", "create"] as const;
type Action = (typeof ACTIONS)[number];

const FLAGS: Readonly<Record<Action, FlagSpec>> = {
  accept: { session: "string", template: "string", config: "string", json: "boolean" },
  reject: { status: "string", json: "boolean" },
  refer: { to: "string", json: "boolean" },
  hangup: { json: "boolean" },
  create: { sdp: "string", session: "string", answer: "string", json: "boolean" },
};

function readText(flag: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--${flag}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
}

/** Reads and checks a `--session` file (a realtime session config, the API's wire shape). */
function sessionFile(file: string): RealtimeSessionCreateRequestGA {
  let json: unknown;
  try {
    json = JSON.parse(readText("session", file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--session: ${file} is not JSON: ${(error as Error).message}`);
  }
  const result = validate(RealtimeSessionCreateRequestGA, json, "session");
  if (!result.ok) throw new UsageError(`--session: ${file}: ${result.issues.map((i) => i.message).join(" ")}`);
  return json as RealtimeSessionCreateRequestGA;
}

function required(values: Record<string, string | true>, name: string, action: Action): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`calls ${action} needs --${name}.`);
  return value;
}

type Result = { human: string; json: Record<string, unknown> };

async function act(client: RealtimeClient, action: Action, callId: string | undefined, values: Record<string, string | true>): Promise<Result> {
  const id = callId ?? "";
  const done = (verb: string, extra: Record<string, unknown> = {}): Result => ({
    human: `${verb} ${id}\n`,
    json: { callId: id, action, status: "ok", ...extra },
  });
  switch (action) {
    case "accept": {
      const template = values["template"];
      const file = values["session"];
      if ((typeof template === "string") === (typeof file === "string")) {
        throw new UsageError("calls accept needs either --session FILE or --template NAME --config FILE.");
      }
      const session =
        typeof file === "string" ? sessionFile(file) : templateSessionFromConfig(required(values, "config", action), template as string);
      await client.calls.accept(id, session);
      return done("accepted", typeof template === "string" ? { template } : {});
    }
    case "refer": {
      const to = required(values, "to", action);
      if (!/^(sip|sips|tel):/.test(to)) throw new UsageError(`--to must start with sip:, sips: or tel: (got '${to}').`);
      await client.calls.refer(id, { target_uri: to });
      return done(`referred to ${to}:`, { targetUri: to });
    }
    case "reject": {
      const raw = values["status"];
      const status = raw === undefined ? 603 : typeof raw === "string" && /^\d{3}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(status >= 400 && status <= 699)) throw new UsageError(`--status must be a SIP status from 400 to 699 (got '${String(raw)}').`);
      await client.calls.reject(id, { status_code: status });
      return done(`rejected (${status})`, { statusCode: status });
    }
    case "hangup":
      await client.calls.hangup(id);
      return done("hung up");
    case "create": {
      const sdp = readText("sdp", required(values, "sdp", action));
      const file = values["session"];
      const answer = typeof values["answer"] === "string" ? values["answer"] : "answer.sdp";
      const created = await client.calls.create({ sdp, ...(typeof file === "string" ? { session: sessionFile(file) } : {}) });
      writeFileSync(answer, created.sdpAnswer);
      return {
        human: `${created.callId}\n`,
        json: { callId: created.callId, action, status: "ok", answerFile: answer, sdpAnswer: created.sdpAnswer },
      };
    }
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === undefined || action === "--help" || action === "-h") {
    (action === undefined ? io.stderr : io.stdout)(USAGE);
    return action === undefined ? 2 : 0;
  }
  if (!(ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`unknown action '${action}'. Allowed: ${ACTIONS.join(", ")}.`);
  }
  const verb = action as Action;
  let callId: string | undefined;
  if (verb !== "create") {
    callId = rest[0];
    if (callId === "--help") {
      io.stdout(USAGE);
      return 0;
    }
    if (callId === undefined || callId.startsWith("-")) throw new UsageError(`calls ${verb} needs a call id, e.g. calls ${verb} rtc_123.`);
  }
  const values = parseFlags(verb === "create" ? rest : rest.slice(1), { ...FLAGS[verb], help: "boolean" });
  if (values["help"] === true) {
    io.stdout(USAGE);
    return 0;
  }
  const json = values["json"] === true;
  let client: RealtimeClient | undefined;
  try {
    client = new RealtimeClient();
    const result = await act(client, verb, callId, values);
    io.stdout(json ? `${JSON.stringify(result.json)}\n` : result.human);
    if (verb === "create" && !json) io.stderr(`SDP answer written to ${String(result.json["answerFile"])}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || !isOpenAIRealtimeError(error)) throw error;
    const e = error as { message: string; status?: number; code?: string };
    if (json) {
      io.stdout(`${JSON.stringify({ callId: callId ?? null, action: verb, status: "error", error: { message: e.message, httpStatus: e.status ?? null, code: e.code ?? null } })}\n`);
    } else {
      io.stderr(`pulumi-openai-realtime calls ${verb}: ${e.message}\n`);
    }
    return 1;
  } finally {
    await client?.close();
  }
}

/** `pulumi-openai-realtime calls`: accept, reject, refer, hang up or create one call. */
export const callsCommand: Command = {
  usage: USAGE,
  run,
};
