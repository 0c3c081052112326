import { en } from './messages-en';
import { type MessageKey, sv } from './messages-sv';

export type { MessageKey };
export const messages = { sv, en } as const;
export type Language = keyof typeof messages;

/** A message with its {placeholders} filled in. */
export function format(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  const text: string = messages[language][key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
