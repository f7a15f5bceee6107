export { type ActiveRegion, activeRegions } from './energy';
export { chunks, concat, noiseBurst, silence, sine } from './signals';
export { CACHE_DIR, type SpeechOptions, speechWav } from './speech';
