import type { ApiAnswer } from '../contract/api';

/** What GET/POST /api/organisations/{id}/catalog-move answer, as the server's own route types it. */
export type CatalogMove = ApiAnswer<'/api/organisations/:id/catalog-move'>;
export type MoveChange = CatalogMove['assets'][number]['changes'][number];
