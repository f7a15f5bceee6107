import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A turn model that cannot be used, with a message naming the model (never its path) and the missing piece. */
export class TurnModelSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TurnModelSetupError';
  }
}

/**
 * Optional `turn_model.json` next to the model. `output` says what a single-value output holds:
 * 'probability' (the default, as Smart Turn v3's ONNX export) or 'logit' (sigmoid applied here).
 */
export interface TurnModelConfig {
  output: 'probability' | 'logit';
}

export interface TextModelFiles {
  model: string;
  tokenizer: string;
  tokenizerConfig: string | undefined;
  config: TurnModelConfig;
}

export interface AudioModelFiles {
  model: string;
  config: TurnModelConfig;
}

const configFile = 'turn_model.json';

/** How messages name a model: by its name in the models folder, so no error echoes the filesystem. */
export function modelLabel(path: string): string {
  return `turn model "${basename(path)}"`;
}

/** The files of a text end-of-turn model folder: tokenizer.json + an ONNX model (+ tokenizer_config.json). */
export function resolveTextModelFiles(path: string): TextModelFiles {
  const folder = existingFolder(path, 'a folder holding tokenizer.json and model.onnx');
  const tokenizer = join(folder, 'tokenizer.json');
  if (!existsSync(tokenizer)) throw new TurnModelSetupError(`${modelLabel(folder)} has no tokenizer.json`);
  const tokenizerConfig = join(folder, 'tokenizer_config.json');
  return {
    model: onnxFileIn(folder),
    tokenizer,
    tokenizerConfig: existsSync(tokenizerConfig) ? tokenizerConfig : undefined,
    config: readConfig(folder),
  };
}

/** The files of an audio end-of-turn model: a folder with an ONNX model, or the .onnx file itself. */
export function resolveAudioModelFiles(path: string): AudioModelFiles {
  if (path.endsWith('.onnx')) {
    if (!existsSync(path)) throw new TurnModelSetupError(`${modelLabel(path)} does not exist`);
    return { model: path, config: { output: 'probability' } };
  }
  const folder = existingFolder(path, 'a folder holding model.onnx, or the .onnx file');
  return { model: onnxFileIn(folder), config: readConfig(folder) };
}

function existingFolder(path: string, expected: string): string {
  if (!path) throw new TurnModelSetupError(`no turn model was named: it must be ${expected}`);
  if (!existsSync(path)) throw new TurnModelSetupError(`${modelLabel(path)} does not exist`);
  if (!statSync(path).isDirectory()) throw new TurnModelSetupError(`${modelLabel(path)} is not ${expected}`);
  return path;
}

/** model.onnx, or else the folder's only .onnx file: exported models are often named after themselves. */
function onnxFileIn(folder: string): string {
  if (existsSync(join(folder, 'model.onnx'))) return join(folder, 'model.onnx');
  const candidates = readdirSync(folder).filter((name) => name.endsWith('.onnx'));
  if (candidates.length === 1 && candidates[0]) return join(folder, candidates[0]);
  if (candidates.length === 0) throw new TurnModelSetupError(`${modelLabel(folder)} has no model.onnx`);
  throw new TurnModelSetupError(
    `${modelLabel(folder)} has several .onnx files (${candidates.join(', ')}): name the one to use model.onnx`,
  );
}

function readConfig(folder: string): TurnModelConfig {
  const file = join(folder, configFile);
  if (!existsSync(file)) return { output: 'probability' };
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { output?: unknown };
  if (parsed.output !== undefined && parsed.output !== 'probability' && parsed.output !== 'logit') {
    throw new TurnModelSetupError(`${modelLabel(folder)}: ${configFile}'s output must be "probability" or "logit"`);
  }
  return { output: parsed.output ?? 'probability' };
}
