// Preloaded (node --import) into `kinesim serve` by the startup benchmark: when the process first writes to stdout
// (the "listening on" line), reports how long after the process started that was, on stderr.
const write = process.stdout.write.bind(process.stdout);
let reported = false;
process.stdout.write = (...args) => {
  if (!reported) {
    reported = true;
    process.stderr.write(`ready-probe: ${performance.now().toFixed(1)} ms\n`);
  }
  return write(...args);
};
