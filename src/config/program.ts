// The Pulumi program of a project that is only a realtime.yaml: its
// Pulumi.yaml says `main: node_modules/pulumi-openai-realtime/dist/config/program.js`.
// The module's exports are the stack outputs.
import { realtimeStack } from "./stack";

const outputs = realtimeStack();
export = outputs;
