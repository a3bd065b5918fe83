export function configSchema(manifest: unknown, nls: Record<string, string>): Record<string, unknown>;
export const SCHEMA_FILE: URL;
export function manifestSettings(manifest: unknown): Record<string, Record<string, unknown>>;
