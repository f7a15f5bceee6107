import { type ParticipantInfo, ParticipantInfo_Kind } from '@livekit/protocol';

/** LiveKit's SIP service names the phone call in participant attributes under this prefix. */
const SIP_ATTRIBUTE_PREFIX = 'sip.';

/** Whether the participant joined the room through LiveKit's SIP service (a phone caller). */
export function isSipParticipant(participant: ParticipantInfo | undefined): boolean {
  return participant?.kind === ParticipantInfo_Kind.SIP;
}

/** The flow variable a SIP attribute fills: dots become underscores (`sip.phoneNumber` -> `sip_phoneNumber`). */
export function sipVariableName(attribute: string): string {
  return attribute.replaceAll('.', '_');
}

/**
 * The SIP participant's `sip.*` attributes as values for the flow's declared variables. Attributes
 * without a declared variable are left out: the carrier decides which exist, not the caller.
 */
export function sipVariables(
  attributes: Record<string, string>,
  declared: ReadonlySet<string>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [attribute, value] of Object.entries(attributes)) {
    if (!attribute.startsWith(SIP_ATTRIBUTE_PREFIX)) continue;
    const name = sipVariableName(attribute);
    if (declared.has(name)) values[name] = value;
  }
  return values;
}
