'use client';

import { type KeyboardEvent, useRef, useState } from 'react';
import { fieldId } from './field-id';
import { applyCompletion, type CompletionQuery, completionQuery } from './variable-completion';

/** Props of a text area that completes `{{variable}}` references. */
export interface VariableTextAreaProps {
  label: string;
  path: string;
  value: string;
  variables: readonly string[];
  onChange: (value: string) => void;
  onBlur?: () => void;
  rows?: number;
  help?: string;
}

/**
 * A text area that offers the flow's variables after `{{`: arrows choose, Enter or Tab
 * inserts, Escape closes. Options can also be clicked.
 */
export function VariableTextArea({
  label,
  path,
  value,
  variables,
  onChange,
  onBlur,
  rows = 5,
  help,
}: VariableTextAreaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<CompletionQuery | null>(null);
  const [active, setActive] = useState(0);
  const id = fieldId(path);
  const listId = `${id}-variables`;
  const matches = query ? variables.filter((v) => v.toLowerCase().startsWith(query.typed.toLowerCase())) : [];
  const open = matches.length > 0;

  const refresh = (text: string, caret: number) => {
    setQuery(completionQuery(text, caret));
    setActive(0);
  };

  const choose = (variable: string) => {
    const area = ref.current;
    if (!area || !query) return;
    const result = applyCompletion(value, area.selectionStart, query, variable);
    onChange(result.text);
    setQuery(null);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(result.caret, result.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(matches[active] as string);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuery(null);
    }
  };

  return (
    <div className="field variable-text">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        data-path={path}
        rows={rows}
        value={value}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          onChange(e.target.value);
          refresh(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setQuery(null);
          onBlur?.();
        }}
      />
      {open && (
        <div id={listId} role="listbox" className="completion-list" aria-label="Variables">
          {matches.map((name, i) => (
            <div
              key={name}
              id={`${listId}-${i}`}
              role="option"
              // Focus stays in the text area (aria-activedescendant); -1 keeps options out of the tab order.
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              // mousedown, not click: it must act before the text area's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(name);
              }}
            >
              {`{{${name}}}`}
            </div>
          ))}
        </div>
      )}
      <p id={`${id}-help`} className="field-help">
        {help ?? 'Type {{ to insert a variable.'}
      </p>
    </div>
  );
}
