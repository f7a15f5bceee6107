'use client';

import { type FormEvent, useState } from 'react';

/** A text box to type to the agent instead of speaking. */
export function MessageBox({ onSend, disabled }: { onSend: (text: string) => void; disabled: boolean }) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message) return;
    onSend(message);
    setText('');
  };
  return (
    <form className="message-box" onSubmit={submit}>
      <label htmlFor="tester-message" className="sr-only">
        Message to the agent
      </label>
      <input
        id="tester-message"
        value={text}
        maxLength={4000}
        placeholder="Type to the agent…"
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={disabled || text.trim() === ''}>
        Send
      </button>
    </form>
  );
}
