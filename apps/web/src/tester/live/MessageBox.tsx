'use client';

import { type FormEvent, useState } from 'react';

/** A text box to type to the agent instead of speaking; a message that fails to send stays in the box. */
export function MessageBox({ onSend, disabled }: { onSend: (text: string) => Promise<void>; disabled: boolean }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message) return;
    setProblem(null);
    try {
      await onSend(message);
      setText('');
    } catch (error) {
      setProblem(`Not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <form className="message-box" onSubmit={(event) => void submit(event)}>
      <label htmlFor="tester-message" className="sr-only">
        Message to the agent
      </label>
      <input
        id="tester-message"
        value={text}
        maxLength={4000}
        placeholder="Type to the agent…"
        disabled={disabled}
        aria-describedby={problem ? 'tester-message-problem' : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={disabled || text.trim() === ''}>
        Send
      </button>
      {problem && (
        <p id="tester-message-problem" className="form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
