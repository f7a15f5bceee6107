/** The parts of the espeak-ng package (an Emscripten build of the CLI) that Parley uses. */
declare module 'espeak-ng' {
  export interface ESpeakNgFs {
    writeFile(path: string, data: string | Uint8Array): void;
    readFile(path: string): Uint8Array;
    unlink(path: string): void;
  }
  export interface ESpeakNgModule {
    FS: ESpeakNgFs;
  }
  export interface ESpeakNgOptions {
    arguments?: string[];
    noInitialRun?: boolean;
    print?: (line: string) => void;
    printErr?: (line: string) => void;
    /** Emscripten's hook to supply the instance (lets a compiled module be reused). */
    instantiateWasm?: (imports: object, done: (instance: { exports: object }, module: object) => void) => object;
  }
  export default function ESpeakNg(options?: ESpeakNgOptions): Promise<ESpeakNgModule>;
}
