// The example stack that `npm run demo` deploys (against the local emulator
// unless OPENAI_BASE_URL says otherwise). It grows with the resources the
// package provides.
import * as pulumi from "@pulumi/pulumi";

export const stack = pulumi.getStack();
