/**
 * The fast backend: the same math as the reference backend ({@code dev.scratchnet.arithmetic}),
 * done with direct BLAS calls and the op table's kernels on the arrays' own native memory.
 * <p>
 * ND4J spends several microseconds of bookkeeping on every call, more than the arithmetic of a
 * tutorial-sized layer costs; here each matrix product is one {@code cblas_?gemm} call and each
 * element-wise step one loop over preallocated buffers. The element-wise loops themselves live in
 * {@code scratchnet-kernels}, registered beside their spec classes in {@link dev.scratchnet.ops.OpTable};
 * parity tests generated from that table hold both backends together. Nothing outside this package
 * imports it: {@link dev.scratchnet.engine.FastEngine} is found through {@link java.util.ServiceLoader}. Not API.
 */
package dev.scratchnet.engine;
