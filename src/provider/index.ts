export { providerFor } from "./serialized";
export { CONFIG_API_KEY, CONFIG_BASE_URL, CONFIG_ORGANIZATION, CONFIG_PROJECT } from "./credentials";
