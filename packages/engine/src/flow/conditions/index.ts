export * from './check';
export * from './evaluate';
export * from './parse';
