// The root project's program: deploys realtime.yaml (or the file named by
// the stack config `openai-realtime:configFile`) with the package's
// resources. One stack output per section, keyed by entry name; tokens are
// secrets. `npm run demo` runs it against the local emulator; with
// OPENAI_API_KEY set, `pulumi up` deploys it to OpenAI.
import { realtimeStack } from "pulumi-openai-realtime";

const outputs = realtimeStack();
export = outputs;
