import type { FormMeta } from '../../scoring/content/form-file';
import type { LoadedForm } from './load-forms';

/** The forms loaded at start, immutable for the life of the process. */
export class FormRegistry {
  private readonly byKey = new Map<string, LoadedForm>();

  constructor(forms: readonly LoadedForm[]) {
    for (const form of forms) this.byKey.set(key(form.meta.id, form.meta.version), form);
  }

  list(): FormMeta[] {
    return [...this.byKey.values()].map((form) => form.meta);
  }

  get(id: string, version: number): LoadedForm | undefined {
    return this.byKey.get(key(id, version));
  }

  latest(id: string): LoadedForm | undefined {
    let best: LoadedForm | undefined;
    for (const form of this.byKey.values()) {
      if (form.meta.id === id && (!best || form.meta.version > best.meta.version)) best = form;
    }
    return best;
  }
}

function key(id: string, version: number): string {
  return `${id}@${version}`;
}
