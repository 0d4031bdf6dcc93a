// Stack config keys, apart from the code that reads them so that the
// package entry point can export them without loading the HTTP client.

/** Stack config key of the API key (set it with `pulumi config set --secret`). */
export const CONFIG_API_KEY = "openai-realtime:apiKey";
/** Stack config key of the API base URL. */
export const CONFIG_BASE_URL = "openai-realtime:baseUrl";
/** Stack config key of the OpenAI organization (`OpenAI-Organization`). */
export const CONFIG_ORGANIZATION = "openai-realtime:organization";
/** Stack config key of the OpenAI project (`OpenAI-Project`). */
export const CONFIG_PROJECT = "openai-realtime:project";
