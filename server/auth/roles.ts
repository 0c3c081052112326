import type { Role } from '../db/schema';

export const roles = ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare'] as const satisfies readonly Role[];
