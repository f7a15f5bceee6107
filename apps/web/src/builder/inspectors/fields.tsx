'use client';

import type { ReactNode } from 'react';
import { fieldId } from './field-id';

interface BaseProps {
  label: string;
  /** Spec path the input edits; also how problems find and focus it. */
  path: string;
  help?: ReactNode;
  onBlur?: () => void;
}

/** The shell every field shares: its label (tied to the input by id) and its help line. */
function FieldShell({
  label,
  path,
  help,
  children,
}: {
  label: string;
  path: string;
  help?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={fieldId(path)}>{label}</label>
      {children}
      {help ? (
        <p id={`${fieldId(path)}-help`} className="field-help">
          {help}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (path: string, help?: ReactNode) => (help ? `${fieldId(path)}-help` : undefined);

/** A labelled one-line text input. */
export function TextField(
  props: BaseProps & { value: string; onChange: (value: string) => void; placeholder?: string; type?: string },
) {
  const { label, path, help, value, onChange, placeholder, onBlur, type = 'text' } = props;
  return (
    <FieldShell label={label} path={path} help={help}>
      <input
        id={fieldId(path)}
        data-path={path}
        type={type}
        value={value}
        placeholder={placeholder}
        aria-describedby={describedBy(path, help)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </FieldShell>
  );
}

/** A labelled number input; an empty box means "not set" (undefined). */
export function NumberField(
  props: BaseProps & {
    value: number | undefined;
    onChange: (value: number | undefined) => void;
    placeholder?: string;
    step?: number;
    min?: number;
    max?: number;
  },
) {
  const { label, path, help, value, onChange, placeholder, step, min, max, onBlur } = props;
  return (
    <FieldShell label={label} path={path} help={help}>
      <input
        id={fieldId(path)}
        data-path={path}
        type="number"
        value={value ?? ''}
        placeholder={placeholder}
        step={step}
        min={min}
        max={max}
        aria-describedby={describedBy(path, help)}
        onChange={(e) => {
          const text = e.target.value;
          const number = Number(text);
          onChange(text === '' || !Number.isFinite(number) ? undefined : number);
        }}
        onBlur={onBlur}
      />
    </FieldShell>
  );
}

/** A labelled select; option values are strings. */
export function SelectField(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    options: readonly { value: string; label: string }[];
  },
) {
  const { label, path, help, value, onChange, options, onBlur } = props;
  return (
    <FieldShell label={label} path={path} help={help}>
      <select
        id={fieldId(path)}
        data-path={path}
        value={value}
        aria-describedby={describedBy(path, help)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A labelled multi-line text input. */
export function TextAreaField(
  props: BaseProps & { value: string; onChange: (value: string) => void; rows?: number; placeholder?: string },
) {
  const { label, path, help, value, onChange, rows = 3, placeholder, onBlur } = props;
  return (
    <FieldShell label={label} path={path} help={help}>
      <textarea
        id={fieldId(path)}
        data-path={path}
        value={value}
        rows={rows}
        placeholder={placeholder}
        aria-describedby={describedBy(path, help)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </FieldShell>
  );
}
