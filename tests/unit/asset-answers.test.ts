import { describe, expect, it } from 'vitest';
import { type AssetFacts, assetPatchFromProtocol, fillFromAsset } from '../../server/assets/asset-answers';

const facts: AssetFacts = {
  name: 'Ekonomisystemet',
  type: 'system',
  description: '',
  informationsagare: 'Ekonomichefen',
  objektagare: '',
  objektledareName: null,
  organisationName: 'Kommunstyrelseförvaltningen',
  suppliers: ['CGI Sverige AB'],
  hosting: 'egen_drift',
};

describe('the asset record and the object page', () => {
  it('fills only what the carried-over answers leave open, and nothing from empty facts', () => {
    const filled = fillFromAsset({ objekt_namn: 'Raindance', informationsagare: '  ' }, facts);
    expect(filled).toEqual({
      objekt_namn: 'Raindance',
      objekt_typ: 'system',
      forvaltning: 'Kommunstyrelseförvaltningen',
      informationsagare: 'Ekonomichefen',
      leverantorer: [{ namn: 'CGI Sverige AB' }],
      drift: 'egen-drift',
    });
  });

  it('follows the protocol only where it differs with a valid value', () => {
    const { patch, changes } = assetPatchFromProtocol(
      { objekt_namn: 'Ekonomisystemet', objekt_typ: 'okänd typ', objekt_beskrivning: 'Redovisning', drift: 'molntjanst', leverantorer: [{ namn: ' CGI Sverige AB ' }, { uppdrag: 'drift' }] },
      facts,
    );
    expect(patch).toEqual({ description: 'Redovisning', hosting: 'molntjanst' });
    expect(changes).toEqual({ description: { from: '', to: 'Redovisning' }, hosting: { from: 'egen_drift', to: 'molntjanst' } });
  });

  it('changes nothing for a protocol that leaves the object page unanswered', () => {
    expect(assetPatchFromProtocol({}, facts)).toEqual({ patch: {}, changes: {} });
  });
});
