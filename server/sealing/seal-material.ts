/**
 * What sealing needs, as plain bytes so it can be posted to a worker thread: the private key
 * (PKCS#8 DER) and the certificate chain (DER, the seal's own certificate first).
 */
export interface SealMaterial {
  privateKeyPkcs8: Uint8Array;
  chain: Uint8Array[];
  /** A self-signed certificate Sigill made itself: the protocol says so. */
  development: boolean;
  /** SHA-256 of the seal certificate, hex: how a verification recognises this installation's seal. */
  fingerprint: string;
  /** The certificate's subject, for logs and the verification answer. */
  subject: string;
}
