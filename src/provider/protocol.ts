/**
 * What the serialized provider text asks of `pulumi-openai-realtime/provider`:
 * `provider(kind, protocol)`. Raised when a release's text needs handlers
 * that an older copy of the package lacks, so that a provider host running
 * an older copy than the program (or than the state was written with)
 * refuses the text instead of misreading it. Texts without a number (releases
 * before 0.2.0) are protocol 1.
 */
export const PROVIDER_PROTOCOL = 2;
