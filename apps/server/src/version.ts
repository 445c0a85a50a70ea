// The server's version (shown by /healthz and the CLI): from package.json, or stamped into the build.
export { SERVER_VERSION } from './runtime-paths';
