import type { CallHighlight } from '../../highlight/call-highlight';
import type { CallView } from './call-view';

/** The canvas highlight of a call view. */
export function highlightOf(view: CallView): CallHighlight {
  return { activeAgentId: view.activeAgentId, edgeIds: view.path };
}
