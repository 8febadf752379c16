// A minimal assertion log for the browser tests: each check prints one line, and
// `summary()` prints `N passed, N failed` and sets the exit code.
let passed = 0;
let failed = 0;

export function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok    ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL  ${name}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
  }
}

export function summary() {
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) process.exitCode = 1;
}
