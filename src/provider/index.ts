export { providerFor } from "./serialized";
export { CONFIG_API_KEY, CONFIG_BASE_URL } from "./credentials";
