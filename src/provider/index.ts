export { providerText, PROVIDER_MODULE } from "./serialized";
export { CONFIG_API_KEY, CONFIG_BASE_URL, CONFIG_ORGANIZATION, CONFIG_PROJECT } from "./config-keys";
export { STATE_VERSION } from "./state-version";
