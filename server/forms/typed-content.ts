import type { z } from 'zod';
import { type ContentKind, contentKinds } from '../../scoring/content/content-kinds';
import type { LoadedForm } from './load-forms';

export type ContentOf<K extends ContentKind> = z.infer<(typeof contentKinds)[K]>;

/** A loaded file as its kind's type; the loader validated it with that very schema. */
export function contentAs<K extends ContentKind>(form: LoadedForm, kind: K): ContentOf<K> {
  if (form.meta.kind !== kind) throw new Error(`${form.file} is a ${form.meta.kind}, not a ${kind}`);
  return form.content as ContentOf<K>;
}
