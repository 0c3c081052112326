import * as pkijs from 'pkijs';
import { pkiEngine } from './crypto-engine';

const bagIds = { keyBag: '1.2.840.113549.1.12.10.1.1', shroudedKeyBag: '1.2.840.113549.1.12.10.1.2', certBag: '1.2.840.113549.1.12.10.1.3' };

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Reads the key and certificates out of a PKCS#12 file protected with the modern algorithms
 * (PBES2 with AES and PBKDF2, as OpenSSL 3 writes by default). Legacy RC2/3DES files are refused
 * by pkijs; convert them with `openssl pkcs12 -export` or use the PEM settings.
 */
export async function readPkcs12(file: Uint8Array, passphrase: string): Promise<{ privateKeyPkcs8: Uint8Array; certificates: Uint8Array[] }> {
  pkiEngine();
  const password = toArrayBuffer(new TextEncoder().encode(passphrase));
  const pfx = pkijs.PFX.fromBER(toArrayBuffer(file));
  await pfx.parseInternalValues({ password, checkIntegrity: true });
  const authenticatedSafe = pfx.parsedValue?.authenticatedSafe;
  if (!authenticatedSafe) throw new Error('The PKCS#12 file holds no authenticated safe');
  await authenticatedSafe.parseInternalValues({ safeContents: authenticatedSafe.safeContents.map(() => ({ password })) });
  let privateKeyPkcs8: Uint8Array | undefined;
  const certificates: Uint8Array[] = [];
  for (const contents of authenticatedSafe.parsedValue?.safeContents ?? []) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === bagIds.shroudedKeyBag) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        // Public in pkijs' JavaScript and its own examples, only marked protected in its types.
        await (shrouded as unknown as { parseInternalValues(parameters: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password });
        if (shrouded.parsedValue) privateKeyPkcs8 = new Uint8Array(shrouded.parsedValue.toSchema().toBER(false));
      } else if (bag.bagId === bagIds.keyBag) {
        privateKeyPkcs8 = new Uint8Array((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false));
      } else if (bag.bagId === bagIds.certBag) {
        const certificate = (bag.bagValue as pkijs.CertBag).parsedValue;
        if (certificate instanceof pkijs.Certificate) certificates.push(new Uint8Array(certificate.toSchema(true).toBER(false)));
      }
    }
  }
  if (!privateKeyPkcs8) throw new Error('The PKCS#12 file holds no private key');
  if (certificates.length === 0) throw new Error('The PKCS#12 file holds no certificate');
  return { privateKeyPkcs8, certificates };
}
