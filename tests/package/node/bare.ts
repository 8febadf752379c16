// Compiled with only `lib: ["es2022"]`: no DOM, no @types/node. The package's
// declarations must not need either (a Node project often has no DOM library).
import init, { analyze, initSync, type InitOutput, type Report } from '%PACKAGE%';

declare const bytes: Uint8Array;
const output: InitOutput = initSync({ module: bytes });
const size: number = output.memory.buffer.byteLength;
const report: Report = analyze([{ id: 'a', text: 'x' }], { stem: true });
const loading: Promise<InitOutput> = init();
export { loading, report, size };
