// Global setup of `npm run test:live`: says in one line why nothing runs, or
// prepares the build the Pulumi programs load, as `npm test` does.
import { liveSkipReason } from "./live-env";
import buildOnce from "../global-setup";

export default function setup(): void {
  const reason = liveSkipReason();
  if (reason !== null) {
    console.log(reason);
    return;
  }
  buildOnce();
}
