export * from './criteria-judge';
export * from './llm-caller';
export * from './scripted-caller';
export * from './simulated-caller';
export * from './simulation-checks';
export * from './simulation-result';
export * from './simulation-runner';
