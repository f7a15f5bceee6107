'use client';

import type { DtmfKey } from '@parley/calls';
import { type KeyboardEvent, useState } from 'react';

/** Phone keypad order; each key is checked against the protocol's DTMF keys. */
const rows: readonly (readonly DtmfKey[])[] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['*', '0', '#'],
];
const keys = new Set<string>(rows.flat());

/** A phone keypad for a running test call: buttons, or typing 0-9 * # while it has focus, send DTMF. */
export function Keypad({ onPress }: { onPress: (key: DtmfKey) => void }) {
  const [pressed, setPressed] = useState('');
  const press = (key: DtmfKey) => {
    onPress(key);
    // The last keys sent, so a tester sees what the flow was given.
    setPressed((was) => `${was}${key}`.slice(-16));
  };
  const typed = (event: KeyboardEvent) => {
    if (!keys.has(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    press(event.key as DtmfKey);
  };
  return (
    <details className="keypad">
      <summary>Keypad</summary>
      {/* Keys typed while a keypad button has focus press them too. */}
      <fieldset className="keypad-keys" onKeyDown={typed}>
        <legend className="sr-only">Keypad</legend>
        {rows.flat().map((key) => (
          <button key={key} type="button" aria-label={`Key ${key}`} onClick={() => press(key)}>
            {key}
          </button>
        ))}
      </fieldset>
      <output className="keypad-pressed" aria-label="Keys sent">
        {pressed || 'No keys sent yet'}
      </output>
    </details>
  );
}
