/**
 * The fast path: the same math as {@link dev.scratchnet.layers.Dense} and the activation and loss
 * classes, done with direct BLAS calls and plain Java loops on the arrays' own native memory.
 * <p>
 * ND4J spends several microseconds of bookkeeping on every call, more than the arithmetic of a
 * tutorial-sized layer costs; here each matrix product is one {@code cblas_?gemm} call (about 0.4 µs
 * for 15×64·64×15) and each element-wise step one loop over preallocated buffers. The readable
 * reference stays in {@code Dense}, the {@code activations} and the {@code losses}; tests check that
 * both paths give the same numbers and that the fast gradients match finite differences. Not API.
 */
package dev.scratchnet.engine;
