import { ProtoWriter } from './protobuf-writer';

/**
 * Encodes tiny ONNX models (ModelProto) for tests, so every test builds the exact model it
 * needs instead of downloading one. Field numbers follow onnx.proto (IR version 8, opset 17).
 */
export type ElemType = 'float' | 'int64';

export interface ValueInfo {
  name: string;
  type: ElemType;
  /** A number is a fixed size, a string a symbolic one (e.g. 'n'). */
  shape: (number | string)[];
}

export interface TensorValue {
  name: string;
  type: ElemType;
  dims: number[];
  values: ArrayLike<number>;
}

export type Attribute =
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'ints'; value: number[] }
  | { kind: 'tensor'; value: TensorValue };

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, Attribute>;
}

export interface GraphSpec {
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  nodes: NodeSpec[];
  initializers?: TensorValue[];
}

const elemTypeCode: Record<ElemType, number> = { float: 1, int64: 7 };
const attributeTypeCode = { float: 1, int: 2, tensor: 4, ints: 7 } as const;

/** The ONNX ModelProto bytes of a single-graph model. */
export function encodeOnnxModel(graph: GraphSpec): Uint8Array {
  return new ProtoWriter()
    .varint(1, 8)
    .string(2, 'parley-test')
    .message(7, (g) => writeGraph(g, graph))
    .message(8, (opset) => opset.string(1, '').varint(2, 17))
    .finish();
}

function writeGraph(g: ProtoWriter, graph: GraphSpec): void {
  graph.nodes.forEach((node, index) => {
    g.message(1, (n) => writeNode(n, node, index));
  });
  g.string(2, 'graph');
  for (const tensor of graph.initializers ?? []) g.message(5, (t) => writeTensor(t, tensor));
  for (const input of graph.inputs) g.message(11, (v) => writeValueInfo(v, input));
  for (const output of graph.outputs) g.message(12, (v) => writeValueInfo(v, output));
}

function writeNode(n: ProtoWriter, node: NodeSpec, index: number): void {
  for (const input of node.inputs) n.string(1, input);
  for (const output of node.outputs) n.string(2, output);
  n.string(3, `${node.op}_${index}`);
  n.string(4, node.op);
  for (const [name, attribute] of Object.entries(node.attributes ?? {})) {
    n.message(5, (a) => {
      a.string(1, name);
      if (attribute.kind === 'float') a.float(2, attribute.value);
      if (attribute.kind === 'int') a.varint(3, attribute.value);
      if (attribute.kind === 'tensor') a.message(5, (t) => writeTensor(t, attribute.value));
      if (attribute.kind === 'ints') a.packedVarints(8, attribute.value);
      a.varint(20, attributeTypeCode[attribute.kind]);
    });
  }
}

function writeTensor(t: ProtoWriter, tensor: TensorValue): void {
  t.packedVarints(1, tensor.dims);
  t.varint(2, elemTypeCode[tensor.type]);
  t.string(8, tensor.name);
  const raw =
    tensor.type === 'float'
      ? new Uint8Array(Float32Array.from(tensor.values).buffer)
      : new Uint8Array(BigInt64Array.from(Array.from(tensor.values, (v) => BigInt(v))).buffer);
  t.bytesField(9, raw);
}

function writeValueInfo(v: ProtoWriter, info: ValueInfo): void {
  v.string(1, info.name);
  v.message(2, (type) =>
    type.message(1, (tensorType) => {
      tensorType.varint(1, elemTypeCode[info.type]);
      tensorType.message(2, (shape) => {
        for (const dim of info.shape) {
          shape.message(1, (d) => (typeof dim === 'number' ? d.varint(1, dim) : d.string(2, dim)));
        }
      });
    }),
  );
}
