import type { HttpSession } from './http-session';
import { importForm } from './import-form';

/** Posts an inventory file to an import route of a real server as the import page does: a multipart form. */
export async function sendImport(session: HttpSession, path: string, fileName: string, bytes: Buffer): Promise<{ status: number; body: unknown }> {
  return session.sendForm(path, importForm(bytes, fileName));
}
