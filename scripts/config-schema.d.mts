export function configSchema(manifest: unknown, nls: Record<string, string>): Record<string, unknown>;
export const SCHEMA_FILE: URL;
