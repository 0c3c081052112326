import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { pkiEngine } from './crypto-engine';

/** A configured RFC 3161 time-stamping authority; plain data, so it can travel to a render worker. */
export interface TsaSettings {
  url: string;
  username: string | undefined;
  password: string | undefined;
  hashAlgorithm: 'sha256' | 'sha384' | 'sha512';
  timeoutMs: number;
}

const hashOids: Record<TsaSettings['hashAlgorithm'], string> = { sha256: '2.16.840.1.101.3.4.2.1', sha384: '2.16.840.1.101.3.4.2.2', sha512: '2.16.840.1.101.3.4.2.3' };

export class TsaError extends Error {
  override readonly name = 'TsaError';
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function request(tsa: TsaSettings, imprint: Buffer, nonce: Buffer): ArrayBuffer {
  return new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: hashOids[tsa.hashAlgorithm] }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    // The TSA's certificate in the token, so a verifier years later needs nothing but the file.
    certReq: true,
  }).toSchema().toBER(false);
}

async function post(tsa: TsaSettings, body: ArrayBuffer): Promise<ArrayBuffer> {
  const headers: Record<string, string> = { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' };
  if (tsa.username !== undefined) headers.authorization = `Basic ${Buffer.from(`${tsa.username}:${tsa.password ?? ''}`).toString('base64')}`;
  let response: Response;
  try {
    response = await fetch(tsa.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(tsa.timeoutMs) });
  } catch (error) {
    throw new TsaError(`the time-stamping authority could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new TsaError(`the time-stamping authority answered HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** The token out of a reply, after checking it answers this request: granted, over this imprint, with this nonce, signed by its certificate. */
async function tokenOf(reply: ArrayBuffer, data: Uint8Array, imprint: Buffer, nonce: Buffer): Promise<Uint8Array> {
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(reply);
  } catch {
    throw new TsaError('the time-stamping authority answered something that is no RFC 3161 reply');
  }
  const status = response.status.status;
  if ((status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) || !response.timeStampToken) {
    throw new TsaError(`the time-stamping authority refused the request (status ${status})`);
  }
  const signedData = new pkijs.SignedData({ schema: response.timeStampToken.content });
  const content = signedData.encapContentInfo.eContent;
  if (signedData.encapContentInfo.eContentType !== pkijs.id_eContentType_TSTInfo || !content) throw new TsaError('the token holds no TSTInfo');
  const info = pkijs.TSTInfo.fromBER(toArrayBuffer(new Uint8Array(content.getValue())));
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint)) throw new TsaError('the token stamps other bytes than asked');
  if (!info.nonce || info.nonce.toBigInt() !== BigInt(`0x${nonce.toString('hex')}`)) {
    throw new TsaError('the token does not repeat the request nonce');
  }
  const verdict = await signedData.verify({ signer: 0, data: toArrayBuffer(data), checkChain: false, extendedMode: true }).catch(() => ({ signatureVerified: false }));
  if (verdict.signatureVerified !== true) throw new TsaError('the token signature does not verify');
  return new Uint8Array(response.timeStampToken.toSchema().toBER(false));
}

/** An RFC 3161 timestamp token (DER ContentInfo) over `data`, from the configured authority. */
export async function requestTimestamp(tsa: TsaSettings, data: Uint8Array): Promise<Uint8Array> {
  pkiEngine();
  const imprint = createHash(tsa.hashAlgorithm).update(data).digest();
  const nonce = randomBytes(8);
  // A positive integer with no leading zero byte, so every encoder writes it back as these same bytes.
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  return tokenOf(await post(tsa, request(tsa, imprint, nonce)), data, imprint, nonce);
}
