import { readFileSync } from 'node:fs';
import { CreateSIPDispatchRuleRequest, CreateSIPInboundTrunkRequest } from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import { namesFlow, parseJobMetadata } from '../../src/dispatch/job-metadata';

const read = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
const doc = read('docs/livekit.md');

describe('docs/livekit.md: phone calls through SIP', () => {
  it('shows the checked-in trunk and dispatch rule verbatim', () => {
    expect(doc).toContain(read('docs/examples/sip-inbound-trunk.json').trim());
    expect(doc).toContain(read('docs/examples/sip-dispatch-rule.json').trim());
  });

  it('the trunk is a valid CreateSIPInboundTrunkRequest with a number', () => {
    const request = CreateSIPInboundTrunkRequest.fromJsonString(read('docs/examples/sip-inbound-trunk.json'));
    expect(request.trunk?.numbers).toEqual(['+15105550100']);
  });

  it('the rule is a valid CreateSIPDispatchRuleRequest: a room per caller, agent parley with flow metadata the runtime accepts', () => {
    // fromJson refuses unknown fields, so a misspelt key fails here as `lk` would refuse it.
    const request = CreateSIPDispatchRuleRequest.fromJsonString(read('docs/examples/sip-dispatch-rule.json'));
    const rule = request.dispatchRule?.rule?.rule;
    expect(rule?.case).toBe('dispatchRuleIndividual');
    expect(rule?.case === 'dispatchRuleIndividual' && rule.value.roomPrefix).toBe('call-');
    const agents = request.dispatchRule?.roomConfig?.agents ?? [];
    expect(agents.map((a) => a.agentName)).toEqual(['parley']);
    const metadata = parseJobMetadata(agents[0]?.metadata ?? '');
    expect(namesFlow(metadata)).toBe(true);
    expect(metadata).toEqual({ workspace: 'acme', flow: 'front-desk', variables: { line: 'sales' } });
  });

  it('(the protocol check catches a misspelt field)', () => {
    const misspelt = read('docs/examples/sip-dispatch-rule.json').replace('roomPrefix', 'roomPrefx');
    expect(() => CreateSIPDispatchRuleRequest.fromJsonString(misspelt)).toThrow(/roomPrefx/);
  });
});
