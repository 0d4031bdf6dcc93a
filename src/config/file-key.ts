/** The config key naming the realtime.yaml a stack deploys. */
export const CONFIG_FILE_KEY = "openai-realtime:configFile";
