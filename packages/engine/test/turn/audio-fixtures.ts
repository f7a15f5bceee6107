import { encodeOnnxModel, type GraphSpec } from './onnx-model';

/** Audio model scale and bias: probability = sigmoid(scale * mean(input_features) + bias). */
export const audioModelParams = { scale: 2, bias: 0 };

/**
 * Smart-Turn-shaped audio model: `input_features` [1, 80, 800] -> `probability` [1, 1] =
 * sigmoid(scale * mean + bias); with `output: 'logit'` the sigmoid is left out. `slow` adds a
 * large input-dependent matrix product (no constant folding) so inference takes far longer
 * than a tight timeout.
 */
export function audioModel(options: { output?: 'probability' | 'logit'; slow?: boolean } = {}): Uint8Array {
  const graph: GraphSpec = {
    inputs: [{ name: 'input_features', type: 'float', shape: [1, 80, 800] }],
    outputs: [{ name: 'probability', type: 'float', shape: [1, 1] }],
    initializers: [
      { name: 'scale', type: 'float', dims: [], values: [audioModelParams.scale] },
      { name: 'bias', type: 'float', dims: [], values: [audioModelParams.bias] },
    ],
    nodes: [
      {
        op: 'ReduceMean',
        inputs: ['input_features'],
        outputs: ['perMel'],
        attributes: { axes: { kind: 'ints', value: [2] }, keepdims: { kind: 'int', value: 0 } },
      },
      {
        op: 'ReduceMean',
        inputs: ['perMel'],
        outputs: ['mean'],
        attributes: { axes: { kind: 'ints', value: [1] }, keepdims: { kind: 'int', value: 1 } },
      },
    ],
  };
  let mean = 'mean';
  if (options.slow) {
    const size = 1500;
    graph.initializers?.push({ name: 'square', type: 'int64', dims: [2], values: [size, size] });
    graph.nodes.push(
      { op: 'Expand', inputs: ['mean', 'square'], outputs: ['big'] },
      { op: 'MatMul', inputs: ['big', 'big'], outputs: ['product'] },
      { op: 'MatMul', inputs: ['product', 'big'], outputs: ['product2'] },
      {
        op: 'ReduceMean',
        inputs: ['product2'],
        outputs: ['slowMean'],
        attributes: { axes: { kind: 'ints', value: [0, 1] }, keepdims: { kind: 'int', value: 1 } },
      },
    );
    mean = 'slowMean';
  }
  graph.nodes.push(
    { op: 'Mul', inputs: [mean, 'scale'], outputs: ['scaled'] },
    { op: 'Add', inputs: ['scaled', 'bias'], outputs: [options.output === 'logit' ? 'probability' : 'logit'] },
  );
  if (options.output !== 'logit') graph.nodes.push({ op: 'Sigmoid', inputs: ['logit'], outputs: ['probability'] });
  return encodeOnnxModel(graph);
}
