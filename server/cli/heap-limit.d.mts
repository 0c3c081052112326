export const productionHeapMb: number;
export function heapFlags(execArgv?: string[], nodeOptions?: string): string[];
