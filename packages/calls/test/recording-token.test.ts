import { describe, expect, it } from 'vitest';
import { signCallToken, signRecordingToken, verifyCallToken, verifyRecordingToken } from '../src';

const secret = 'recording-token-secret-0123456789';
const callId = '0b7d2f0e-6a55-4b53-9d35-6d1a0c8f1a11';

describe('recording tokens', () => {
  it('let their holder at the one recording they name, for a minute', () => {
    const token = signRecordingToken(secret, callId, { now: 1_000 });
    expect(() => verifyRecordingToken(secret, token, callId, { now: 30_000 })).not.toThrow();
    expect(() => verifyRecordingToken(secret, token, '7f0c3d4e-1b2a-4c5d-8e9f-0a1b2c3d4e5f', { now: 30_000 })).toThrow(
      /does not give access to the recording of call 7f0c3d4e/,
    );
    expect(() => verifyRecordingToken(secret, token, callId, { now: 62_000 })).toThrow(/expired/);
  });

  it('are no call tokens, and a call token opens no recording', () => {
    const recording = signRecordingToken(secret, callId);
    expect(verifyCallToken(secret, recording).callId).not.toBe(callId);
    const call = signCallToken(secret, { callId, flowVersionId: 'v1' });
    expect(() => verifyRecordingToken(secret, call, callId)).toThrow(/does not give access/);
  });
});
