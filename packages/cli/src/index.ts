export * from './args';
export * from './junit';
export * from './load-flow';
export * from './main';
export * from './test-command';
