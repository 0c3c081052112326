import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

let installed = false;

/** pkijs needs a WebCrypto engine; Node's own is used, set once per thread (each worker has its own pkijs). */
export function pkiEngine(): pkijs.ICryptoEngine {
  if (!installed) {
    pkijs.setEngine('node-webcrypto', new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto }));
    installed = true;
  }
  return pkijs.getCrypto(true);
}
