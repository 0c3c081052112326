import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { oids } from '../../server/sealing/pades-signer';

/** The signature value and the RFC 3161 token in a CMS signature's unsigned attributes, read with pkijs, so openssl ts can check the token. */
export function signatureTimestampOf(der: Uint8Array): { signatureValue: Uint8Array; token: Uint8Array | null } {
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(der)).content });
  const signerInfo = signedData.signerInfos[0]!;
  const value = signerInfo.unsignedAttrs?.attributes.find((attribute) => attribute.type === oids.signatureTimeStampToken)?.values[0] as asn1js.Sequence | undefined;
  return { signatureValue: new Uint8Array(signerInfo.signature.valueBlock.valueHexView), token: value ? new Uint8Array(value.toBER(false)) : null };
}
