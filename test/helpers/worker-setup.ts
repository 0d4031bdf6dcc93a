// Loaded into every vitest worker before its test file: the network guard,
// for workers started without the NODE_OPTIONS the global setup exports.
import "./net-guard.cjs";
