import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { turnModelNamePattern } from '../../flow/settings';
import { TurnModelSetupError } from './model-files';

/** The models installed in `dir`: its folders and .onnx files, by name. */
export function installedTurnModels(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || entry.name.endsWith('.onnx'))
    .map((entry) => entry.name)
    .filter((name) => turnModelNamePattern.test(name))
    .sort();
}

/**
 * Where turn model `name` lives: only models installed in the operator's models folder
 * (PARLEY_MODELS_DIR) can be chosen, by name. Errors list the names installed, never a path.
 */
export function turnModelPath(dir: string | undefined, name: string): string {
  if (!dir) {
    throw new TurnModelSetupError(
      'this runtime has no turn models folder (set PARLEY_MODELS_DIR); use the built-in model instead',
    );
  }
  const installed = installedTurnModels(dir);
  const choices = installed.length > 0 ? `installed: ${installed.join(', ')}` : 'none are installed';
  if (!name) throw new TurnModelSetupError(`no turn model was named in turnModel.model (${choices})`);
  if (!turnModelNamePattern.test(name) || !installed.includes(name)) {
    throw new TurnModelSetupError(`turn model "${name}" is not installed on this runtime (${choices})`);
  }
  return join(dir, name);
}
