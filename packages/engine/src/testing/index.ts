export * from './in-process-transport';
export * from './judge';
export * from './recording-audio-output';
export * from './replay';
export * from './run-events';
export * from './run-expect';
export * from './test-session';
export * from './virtual-clock';
