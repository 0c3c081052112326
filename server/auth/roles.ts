import type { Role } from '../db/schema';

export const roles = ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'] as const satisfies readonly Role[];
