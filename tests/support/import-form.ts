/** The multipart form the import page sends: the file, and the delimiter when one is chosen. */
export function importForm(content: Buffer | string, fileName = 'a.csv', fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(Buffer.from(content))]), fileName);
  return form;
}
