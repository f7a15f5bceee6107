import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { calls, closeDb, flows, type VersionRecord, versions } from '../src/index';
import { testWorkspace, validSpec } from './fixtures';

afterAll(closeDb);

let version: VersionRecord;

beforeAll(async () => {
  const flow = await flows.create(validSpec('Callers'), await testWorkspace());
  version = await versions.publish(flow.id, 'v1');
});

describe('calls.recordCaller', () => {
  test('a phone caller linked in the room: identity, variables and source sip', async () => {
    const call = await calls.create({
      flowVersionId: version.id,
      mode: 'livekit',
      source: 'dispatch',
      variables: { line: 'sales' },
    });
    const variables = { line: 'sales', sip_phoneNumber: '+15550100' };
    await calls.recordCaller(call.id, { identity: 'sip_+15550100', sip: true, variables });
    expect(await calls.get(call.id)).toMatchObject({ source: 'sip', callerIdentity: 'sip_+15550100', variables });
  });

  test('another caller keeps the source; a caller already recorded (named by the dispatch) is kept', async () => {
    const call = await calls.create({ flowVersionId: version.id, mode: 'livekit', source: 'api' });
    await calls.recordCaller(call.id, { identity: 'web-1', sip: false, variables: {} });
    expect(await calls.get(call.id)).toMatchObject({ source: 'api', callerIdentity: 'web-1' });
    await calls.recordCaller(call.id, { identity: 'sip_+1555', sip: true, variables: { x: 'y' } });
    expect(await calls.get(call.id)).toMatchObject({ source: 'api', callerIdentity: 'web-1', variables: {} });
  });
});
