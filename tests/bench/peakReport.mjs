// Preloaded (`node --import`) into a process the benchmark measures: on exit, its peak resident memory in MB.
process.on('exit', () => process.stderr.write(`PEAK_MB ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`));
