'use client';

import { useEffect, useRef, useState } from 'react';
import type { FlowEditor } from '../state/use-flow-editor';
import { describeOverrides } from './describe-overrides';
import { applyTurnSettings, type TurnSettingsHandover, takeTurnSettings } from './turn-settings-handover';

/**
 * On opening the builder, applies turn settings a call's replay left for this flow as one
 * undo step (autosave then saves it as any edit); returns what was applied, for a notice.
 */
export function useTurnSettingsHandover(
  flowId: string,
  editor: Pick<FlowEditor, 'edit' | 'seal'>,
  reveal: (handover: TurnSettingsHandover) => void,
) {
  const [applied, setApplied] = useState<TurnSettingsHandover | null>(null);
  const taken = useRef(false);
  const { edit, seal } = editor;
  useEffect(() => {
    if (taken.current) return;
    taken.current = true;
    const handover = takeTurnSettings(flowId);
    if (!handover) return;
    seal();
    edit((spec) => applyTurnSettings(spec, handover));
    seal();
    setApplied(handover);
    reveal(handover);
  }, [flowId, edit, seal, reveal]);
  return { applied, summary: applied ? describeOverrides(applied.overrides) : '', dismiss: () => setApplied(null) };
}
