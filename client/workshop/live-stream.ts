import type { PresentPerson } from '../contract/api-types';
import type { RemoteChange } from './autosave';

/** A tab on the assessment as the server announces it. */
export type { PresentPerson };

export interface LiveHandlers {
  /** The stream (re)opened at this revision: anything missed while it was closed must be fetched. */
  onHello(revision: number, people: PresentPerson[]): void;
  onChange(change: RemoteChange): void;
  onPresence(people: PresentPerson[]): void;
  onOpenChange?(open: boolean): void;
}

function parse<T>(event: MessageEvent<string>): T | null {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

/**
 * The assessment's server-sent events. EventSource sends the session cookie and reconnects by
 * itself; every reconnect starts with hello, so the caller catches up from the revision it names.
 */
export function openLiveStream(assessmentId: string, clientId: string, handlers: LiveHandlers): () => void {
  const source = new EventSource(`/api/assessments/${assessmentId}/live?clientId=${encodeURIComponent(clientId)}`);
  source.addEventListener('hello', (event) => {
    const hello = parse<{ revision: number; people: PresentPerson[] }>(event);
    if (!hello) return;
    handlers.onOpenChange?.(true);
    handlers.onHello(hello.revision, hello.people);
  });
  source.addEventListener('change', (event) => {
    const change = parse<RemoteChange>(event);
    if (change) handlers.onChange(change);
  });
  source.addEventListener('presence', (event) => {
    const presence = parse<{ people: PresentPerson[] }>(event);
    if (presence) handlers.onPresence(presence.people);
  });
  source.addEventListener('error', () => handlers.onOpenChange?.(false));
  return () => source.close();
}

/**
 * A random id for this page load. Not kept in sessionStorage: a duplicated tab copies it, and two
 * tabs sharing an id would each ignore the other's changes as their own.
 */
export function newClientId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
