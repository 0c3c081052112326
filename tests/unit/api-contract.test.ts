import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSources, mirroredDeclarations, responseShapes, untypedRequests } from '../support/client-contract';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
let shapes: Set<string>[];
beforeAll(async () => {
  testApp = await createTestApp();
  shapes = responseShapes(await (await testApp.app.request('/api/openapi.json')).json());
});
afterAll(async () => {
  await testApp.close();
});

// A hand copy as client/verify/verification-types.ts had it, and a request typed by hand.
const handCopy = `
export interface SealCertificate {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  fingerprint: string;
  selfSigned: boolean;
}
export function VerifyPage() {
  const result = useApi<Verification>('/api/verify');
  const asset = useApi('/api/assets');
}`;

describe('one contract between client and server (issue 16.6)', () => {
  it('finds a hand-copied answer type and a request typed by hand', () => {
    const sources = [{ file: 'hand-copy.ts', text: handCopy }];
    expect(mirroredDeclarations(sources, shapes)).toEqual([expect.stringContaining('SealCertificate')]);
    expect(untypedRequests(sources)).toHaveLength(2);
  });

  it('types every request in client/ by its route, so its answer is the server’s type', () => {
    expect(untypedRequests(clientSources('client'))).toEqual([]);
  });

  it('declares no type in client/ that restates an API answer', () => {
    expect(shapes.length).toBeGreaterThan(50);
    expect(mirroredDeclarations(clientSources('client'), shapes)).toEqual([]);
  });
});
