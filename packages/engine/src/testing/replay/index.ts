export * from './recorded-turns';
export * from './replay-expect';
export * from './replay-totals';
export * from './replay-turns';
export * from './turn-recording';
