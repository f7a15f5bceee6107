export * from './flow';
export * from './audio/frame';
export type * from './session/events';
export type * from './session/transport';
