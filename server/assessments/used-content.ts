import type { ContentKind } from '../../scoring/content/content-kinds';
import type { FormRegistry } from '../forms/form-registry';
import type { LoadedForm } from '../forms/load-forms';
import { type ContentOf, contentAs } from '../forms/typed-content';

/**
 * The file of a given kind that a questionnaire names in meta.uses. Loading has already checked
 * that references resolve, so a missing one here is a programming error, not bad input.
 */
export function usedContent<K extends ContentKind>(registry: FormRegistry, form: LoadedForm, kind: K): ContentOf<K> {
  const used = optionalContent(registry, form, kind);
  if (!used) throw new Error(`Form ${form.meta.id} v${form.meta.version} names no loadable ${kind}`);
  return used;
}

/** The same, for content a questionnaire may do without. */
export function optionalContent<K extends ContentKind>(registry: FormRegistry, form: LoadedForm, kind: K): ContentOf<K> | undefined {
  const ref = form.meta.uses?.find((entry) => entry.kind === kind);
  const used = ref ? registry.get(ref.id, ref.version) : undefined;
  return used ? contentAs(used, kind) : undefined;
}
