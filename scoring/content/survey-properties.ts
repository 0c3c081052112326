import { Serializer } from 'survey-core';
import { classificationSurveyProperties } from '../classification/survey-properties';
import { dpiaSurveyProperties } from '../dpia/survey-properties';

/**
 * A custom property that carries scoring meaning inside a SurveyJS definition
 * (the aspect a matrix measures, the level a column means, the lagrum a choice marks).
 */
export interface SurveyPropertyDefinition {
  /** The SurveyJS class it belongs to: "question", "matrix", "itemvalue", … */
  className: string;
  name: string;
  type?: string;
  choices?: readonly (string | number)[];
}

/** Each content family appends its own list here; this is the one registry client, server and tests share. */
const definitions: readonly SurveyPropertyDefinition[] = [...classificationSurveyProperties, ...dpiaSurveyProperties];

let registered = false;

/** Registers every Sigill property with survey-core once; call before creating any model. */
export function registerSurveyProperties(): void {
  if (registered) return;
  for (const definition of definitions) {
    if (Serializer.findProperty(definition.className, definition.name)) continue;
    Serializer.addProperty(definition.className, {
      name: definition.name,
      ...(definition.type ? { type: definition.type } : {}),
      ...(definition.choices ? { choices: [...definition.choices] } : {}),
    });
  }
  registered = true;
}
