export function version(): string { return "1"; }
