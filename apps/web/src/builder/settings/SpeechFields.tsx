'use client';

import { type FlowSpec, type SpeechHygiene, speechSettings, type UserTurnLimit } from '@parley/engine/flow';
import { useRowKeys } from '../../lists/use-row-keys';
import { fieldId } from '../inspectors/field-id';
import { NumberField, TextField } from '../inspectors/fields';

/** Props of the speech settings form (settings.userTurnLimit and settings.speech). */
export interface SpeechFieldsProps {
  settings: FlowSpec['settings'];
  /** Replaces settings.userTurnLimit or settings.speech; undefined removes it. */
  onChange: (part: 'userTurnLimit' | 'speech', value: UserTurnLimit | SpeechHygiene | undefined) => void;
  onBlur?: () => void;
}

const { maxWords, maxDurationMs, line, filterMarkup, pronunciations } = speechSettings;
const helpOf = (info: { help: string; unit: string; min?: number; default?: unknown }) =>
  `${info.help}${info.min === undefined ? '' : ` Unit: ${info.unit}, at least ${info.min}.`}${
    typeof info.default === 'string' ? ` Default: “${info.default}”.` : ''
  }`;

/** The caller's turn limit (words, duration, cut-in line), the markup filter and the pronunciation list. */
export function SpeechFields({ settings, onChange, onBlur }: SpeechFieldsProps) {
  const limit = settings.userTurnLimit;
  const speech = settings.speech ?? { filterMarkup: false, pronunciations: [] };
  const rowKeys = useRowKeys(speech.pronunciations.length);
  // The limit exists only while it limits something; the line alone changes nothing.
  const setLimit = (field: 'maxWords' | 'maxDurationMs' | 'line', value: number | string | undefined) => {
    const next = { ...limit, [field]: value } as Partial<UserTurnLimit>;
    if (next[field] === undefined) delete next[field];
    const limits = next.maxWords !== undefined || next.maxDurationMs !== undefined;
    onChange('userTurnLimit', limits ? (next as UserTurnLimit) : undefined);
  };
  const setSpeech = (next: SpeechHygiene) =>
    onChange('speech', next.filterMarkup || next.pronunciations.length > 0 ? next : undefined);
  const setRow = (i: number, row: Partial<SpeechHygiene['pronunciations'][number]>) =>
    setSpeech({
      ...speech,
      pronunciations: speech.pronunciations.map((r, j) => (j === i ? { ...r, ...row } : r)),
    });
  const listPath = 'settings.speech.pronunciations';
  return (
    <div className="speech-fields">
      <fieldset className="settings-group">
        <legend>Caller turn limit</legend>
        <NumberField
          label={maxWords.label}
          path="settings.userTurnLimit.maxWords"
          help={helpOf(maxWords)}
          value={limit?.maxWords}
          placeholder="No limit"
          min={maxWords.min}
          step={1}
          onChange={(v) => setLimit('maxWords', v)}
          onBlur={onBlur}
        />
        <NumberField
          label={`${maxDurationMs.label} (${maxDurationMs.unit})`}
          path="settings.userTurnLimit.maxDurationMs"
          help={helpOf(maxDurationMs)}
          value={limit?.maxDurationMs}
          placeholder="No limit"
          min={maxDurationMs.min}
          step={500}
          onChange={(v) => setLimit('maxDurationMs', v)}
          onBlur={onBlur}
        />
        {limit && (
          <TextField
            label={line.label}
            path="settings.userTurnLimit.line"
            help={helpOf(line)}
            value={limit.line}
            placeholder={String(line.default)}
            onChange={(v) => setLimit('line', v === '' ? undefined : v)}
            onBlur={onBlur}
          />
        )}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Spoken text</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            data-path="settings.speech.filterMarkup"
            checked={speech.filterMarkup}
            onChange={(e) => setSpeech({ ...speech, filterMarkup: e.target.checked })}
          />
          {filterMarkup.label}
        </label>
        <p className="field-help">{filterMarkup.help}</p>
        <div className="pronunciations" data-path={listPath} tabIndex={-1}>
          <p className="field-label">{pronunciations.label}</p>
          <p className="field-help">{pronunciations.help}</p>
          {speech.pronunciations.map((row, i) => {
            const id = fieldId(`${listPath}.${i}`);
            return (
              <div key={rowKeys.keys[i]} className="parameter-row">
                <label htmlFor={`${id}-word`}>Word</label>
                <input
                  id={`${id}-word`}
                  data-path={`${listPath}.${i}.word`}
                  value={row.word}
                  onChange={(e) => setRow(i, { word: e.target.value })}
                  onBlur={onBlur}
                />
                <label htmlFor={`${id}-say`}>Say</label>
                <input
                  id={`${id}-say`}
                  data-path={`${listPath}.${i}.say`}
                  value={row.say}
                  onChange={(e) => setRow(i, { say: e.target.value })}
                  onBlur={onBlur}
                />
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove pronunciation ${row.word}`}
                  onClick={() => {
                    rowKeys.removed(i);
                    setSpeech({ ...speech, pronunciations: speech.pronunciations.filter((_, j) => j !== i) });
                  }}
                >
                  Remove
                </button>
              </div>
            );
          })}
          <button
            type="button"
            onClick={() => setSpeech({ ...speech, pronunciations: [...speech.pronunciations, { word: '', say: '' }] })}
          >
            Add pronunciation
          </button>
        </div>
      </fieldset>
    </div>
  );
}
