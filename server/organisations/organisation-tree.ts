import type { Kysely } from 'kysely';
import type { Database, OrganisationKind } from '../db/schema';

export interface OrganisationNode {
  id: string;
  parentId: string | null;
  name: string;
  kind: OrganisationKind;
  isCentral: boolean;
  /** Whoever sent a round for review or marked it ready may not decide it (issue 13); an admin may turn it off. */
  separationOfDuties: boolean;
}

/** The organisation tree as one immutable snapshot; rebuilt after any change to organisations. */
export class OrganisationTree {
  private readonly byId: Map<string, OrganisationNode>;
  private readonly children = new Map<string, string[]>();

  constructor(nodes: readonly OrganisationNode[]) {
    this.byId = new Map(nodes.map((node) => [node.id, node]));
    for (const node of nodes) {
      if (node.parentId) this.children.set(node.parentId, [...(this.children.get(node.parentId) ?? []), node.id]);
    }
  }

  get(id: string): OrganisationNode | undefined {
    return this.byId.get(id);
  }

  all(): OrganisationNode[] {
    return [...this.byId.values()];
  }

  /** The organisation itself and every organisation above it, nearest first. */
  selfAndAncestors(id: string): string[] {
    const chain: string[] = [];
    for (let current = this.byId.get(id); current && !chain.includes(current.id); current = current.parentId ? this.byId.get(current.parentId) : undefined) {
      chain.push(current.id);
    }
    return chain;
  }

  /** The organisation itself and every organisation below it. */
  selfAndDescendants(id: string): string[] {
    const result: string[] = [];
    const queue = [id];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (result.includes(next) || !this.byId.has(next)) continue;
      result.push(next);
      queue.push(...(this.children.get(next) ?? []));
    }
    return result;
  }
}

/** Holds the current tree and reloads it when told the organisations changed. */
export class OrganisationDirectory {
  private tree: OrganisationTree | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  async current(): Promise<OrganisationTree> {
    if (!this.tree) {
      const rows = await this.db.selectFrom('organisations').selectAll().execute();
      this.tree = new OrganisationTree(
        rows.map((row) => ({
          id: row.id,
          parentId: row.parent_id,
          name: row.name,
          kind: row.kind,
          isCentral: row.is_central === 1,
          separationOfDuties: row.separation_of_duties === 1,
        })),
      );
    }
    return this.tree;
  }

  invalidate(): void {
    this.tree = undefined;
  }
}
