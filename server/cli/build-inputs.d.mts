export function newestModification(target: string): number;
export function isBuildStale(root: string, output: string, inputs: readonly string[]): boolean;
