/**
 * scratchnet's public contract: everything a user needs is in this package.
 *
 * <h2>Conventions of the math</h2>
 * <ul>
 *   <li>A batch is a matrix with one example per row: features {@code [n, nIn]}, targets
 *       {@code [n, nOut]}.</li>
 *   <li>A dense layer holds {@code W [nIn, nOut]} and {@code b [1, nOut]};
 *       {@code z = xW + b}, {@code a = f(z)}.</li>
 *   <li>Losses are means, as Keras and PyTorch define them, so {@code dL/dp} already carries the
 *       {@code 1/n} of the batch; back-propagating it gives {@code dW = xᵀ·δ}, the batch average
 *       of the per-example gradients. L2 weight decay adds {@code λ·W} to {@code dW}.</li>
 *   <li>softmax + cross-entropy use the fused, stable gradient {@code δ = (p − y) / n}.</li>
 *   <li>Float32 by default, float64 on request; one seed drives all randomness.</li>
 *   <li>Computations return new arrays and leave their arguments alone; the only arrays changed
 *       in place are a layer's own parameters, gradients and forward cache.</li>
 * </ul>
 */
package dev.scratchnet;
