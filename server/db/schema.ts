import type { Generated } from 'kysely';

/** The tables as Kysely sees them; each migration that adds a table adds its interface here. */
export interface Database {
  organisations: OrganisationsTable;
}

export interface OrganisationsTable {
  id: string;
  parent_id: string | null;
  name: string;
  kind: 'kommun' | 'namnd' | 'forvaltning' | 'bolag' | 'annan';
  is_central: Generated<number>;
  created_at: string;
}
