import { z } from 'zod';
import { formMetaSchema } from './form-file';
import { iso27002ControlSchema, requirementThemeSchema } from './requirement-catalog';

const themeSchema = z.object({ id: requirementThemeSchema, title: z.string().min(1), titleEn: z.string().min(1) }).strict();

const controlSchema = z
  .object({
    id: iso27002ControlSchema,
    theme: requirementThemeSchema,
    title: z.string().min(1),
    titleEn: z.string().min(1),
  })
  .strict();

/**
 * The controls of a standard (ISO/IEC 27002:2022) by number and heading only: what a
 * tillämpningsförklaring lists, and what every requirement's control reference must name.
 */
export const controlSetFileSchema = z
  .object({
    meta: formMetaSchema.extend({ kind: z.literal('control-set') }),
    themes: z.array(themeSchema).min(1),
    controls: z.array(controlSchema).min(1),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>();
    const themes = new Set(file.themes.map((theme) => theme.id));
    file.controls.forEach((control, index) => {
      if (seen.has(control.id)) context.addIssue({ code: 'custom', path: ['controls', index, 'id'], message: `duplicate control "${control.id}"` });
      if (!themes.has(control.theme)) context.addIssue({ code: 'custom', path: ['controls', index, 'theme'], message: `theme "${control.theme}" is not listed in themes` });
      seen.add(control.id);
    });
  });

export type ControlSet = z.infer<typeof controlSetFileSchema>;
export type Control = ControlSet['controls'][number];
