'use client';

/**
 * The inspector folded to a strip while a call runs in the tester, so canvas and tester get the
 * room; showing it pins it open for the rest of the session.
 */
export function InspectorFold({ onShow }: { onShow: () => void }) {
  return (
    <aside className="inspector-fold" aria-label="Inspector (folded during the call)">
      <button type="button" onClick={onShow} title="Show the inspector and keep it open during calls">
        Inspector
      </button>
    </aside>
  );
}
