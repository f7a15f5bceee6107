/** Which workspaces may use the operator's keys: every one, or those listed by id. */
export type KeyedWorkspaces = 'all' | ReadonlySet<string>;

/**
 * The operator's provider keys (OPENAI_API_KEY... from the runtime's environment) and the
 * workspaces allowed to use them (PARLEY_ENV_KEYS_WORKSPACES). Sessions send them only to Parley's
 * built-in provider endpoints; webhooks and custom base URLs never see them.
 */
export class OperatorKeys {
  constructor(
    private readonly keys: Readonly<Record<string, string>>,
    private readonly workspaces: KeyedWorkspaces,
  ) {}

  /** The keys workspace `workspaceId` may use: all of them when allowed, none otherwise. */
  for(workspaceId: string): Record<string, string> {
    const allowed = this.workspaces === 'all' || this.workspaces.has(workspaceId);
    return allowed ? { ...this.keys } : {};
  }
}

/** Parses PARLEY_ENV_KEYS_WORKSPACES: `*` for every workspace, else workspace ids separated by commas. */
export function parseKeyedWorkspaces(text: string | undefined): KeyedWorkspaces {
  const value = text?.trim() ?? '';
  if (value === '*') return 'all';
  return new Set(
    value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
}
