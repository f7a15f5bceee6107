// No imports: every call process loads this, local ones too.

/** LiveKit's SIP service names the phone call in participant attributes under this prefix. */
const SIP_ATTRIBUTE_PREFIX = 'sip.';

/** The flow variable a SIP attribute fills: dots become underscores (`sip.phoneNumber` -> `sip_phoneNumber`). */
function sipVariableName(attribute: string): string {
  return attribute.replaceAll('.', '_');
}

/**
 * The SIP participant's `sip.*` attributes as values for the flow's declared variables. Attributes
 * without a declared variable are left out: the carrier decides which exist, not the caller.
 */
function sipVariables(attributes: Record<string, string>, declared: ReadonlySet<string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [attribute, value] of Object.entries(attributes)) {
    if (!attribute.startsWith(SIP_ATTRIBUTE_PREFIX)) continue;
    const name = sipVariableName(attribute);
    if (declared.has(name)) values[name] = value;
  }
  return values;
}

/**
 * The call's variables once its caller is known: a phone caller's SIP attributes fill declared
 * `sip_*` variables, over the dispatch's fixed values (the phone call's own facts win).
 */
export function callerVariables(
  variables: Record<string, string>,
  caller: { sip: boolean; attributes: Record<string, string> },
  declared: ReadonlySet<string>,
): Record<string, string> {
  return caller.sip ? { ...variables, ...sipVariables(caller.attributes, declared) } : variables;
}
