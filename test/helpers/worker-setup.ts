// Loaded into every vitest worker before its test file: the network guard,
// for workers started without the NODE_OPTIONS the global setup exports, and
// the file's cost record (test/helpers/cost.ts), read by the cost reporter.
import "./net-guard.cjs";
import { afterAll, beforeAll, expect } from "vitest";
import { beginFile, endFile } from "./cost";

beforeAll(() => {
  beginFile(expect.getState().testPath ?? "unknown");
});

afterAll(() => {
  endFile();
});
