//! Entry points for the in-browser benchmarks (bench/), exported to JavaScript through
//! `window.wasmBindings`. Owned by the benchmark work.
