import type { LiveHub } from './live-hub';

/** One browser tab on an assessment: who, where in the questionnaire, and whether it leads. */
export interface PresenceEntry {
  clientId: string;
  userId: string;
  name: string;
  page: string | null;
  question: string | null;
  leading: boolean;
  at: string;
}

/**
 * Who is on each assessment, per tab, held in this process beside the streams it belongs to (a
 * tab is present while its stream is open). Every change is announced through the hub as the
 * whole list, which is small, so a listener never has to merge.
 */
export class PresenceRegistry {
  private readonly byAssessment = new Map<string, Map<string, PresenceEntry>>();

  constructor(private readonly hub: LiveHub) {}

  list(assessmentId: string): PresenceEntry[] {
    return [...(this.byAssessment.get(assessmentId)?.values() ?? [])].sort((a, b) => a.at.localeCompare(b.at) || a.clientId.localeCompare(b.clientId));
  }

  /** A tab's stream opened: it is here, nowhere in particular yet. */
  join(assessmentId: string, entry: PresenceEntry): void {
    let entries = this.byAssessment.get(assessmentId);
    if (!entries) {
      entries = new Map();
      this.byAssessment.set(assessmentId, entries);
    }
    entries.set(entry.clientId, entry);
    this.announce(assessmentId);
  }

  /**
   * A present tab moved or took or gave up the lead; only one tab leads at a time, so taking it
   * releases anyone else's. A tab without an open stream (or someone else's tab) changes nothing.
   */
  move(assessmentId: string, entry: PresenceEntry): void {
    const entries = this.byAssessment.get(assessmentId);
    const previous = entries?.get(entry.clientId);
    if (!entries || !previous || previous.userId !== entry.userId) return;
    if (entry.leading) for (const other of entries.values()) other.leading = false;
    entries.set(entry.clientId, { ...entry, at: previous.at });
    this.announce(assessmentId);
  }

  leave(assessmentId: string, clientId: string): void {
    const entries = this.byAssessment.get(assessmentId);
    if (!entries?.delete(clientId)) return;
    if (entries.size === 0) this.byAssessment.delete(assessmentId);
    this.announce(assessmentId);
  }

  private announce(assessmentId: string): void {
    this.hub.publish(assessmentId, { type: 'presence', data: { people: this.list(assessmentId) } });
  }
}
