import type { FlowSpecInput } from '../flow';

/** A ready-made flow the builder offers when creating a new one. */
export interface FlowTemplate {
  /** Stable id, used by the flows list to pick a template. */
  id: string;
  name: string;
  description: string;
  spec: FlowSpecInput;
}
