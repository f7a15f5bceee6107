import { describe, expect, it } from 'vitest';
import { callerVariables } from '../../src/dispatch/sip-variables';

const declared = new Set(['line', 'sip_phoneNumber', 'sip_trunkPhoneNumber']);
const attributes = {
  'sip.phoneNumber': '+15550100',
  'sip.trunkPhoneNumber': '+15550199',
  'sip.callID': 'SCL_1',
  'lk.agent.state': 'listening',
};

describe('callerVariables', () => {
  it("fills declared sip_* variables from a phone caller's sip.* attributes, over the dispatch's values", () => {
    expect(
      callerVariables({ line: 'sales', sip_phoneNumber: 'from the rule' }, { sip: true, attributes }, declared),
    ).toEqual({ line: 'sales', sip_phoneNumber: '+15550100', sip_trunkPhoneNumber: '+15550199' });
  });

  it('leaves the variables alone for a caller who is not on the phone', () => {
    expect(callerVariables({ line: 'sales' }, { sip: false, attributes }, declared)).toEqual({ line: 'sales' });
  });
});
