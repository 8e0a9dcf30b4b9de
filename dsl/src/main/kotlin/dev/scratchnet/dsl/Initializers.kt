package dev.scratchnet.dsl

import dev.scratchnet.Initializer

/** Glorot (Xavier) uniform, [Initializer.XAVIER]: the builder's default. */
public val xavier: Initializer = Initializer.XAVIER

/** He normal, [Initializer.HE], for ReLU layers. */
public val he: Initializer = Initializer.HE

/** Normal `N(0, std²)`, [Initializer.normal]. */
public fun normal(std: Double): Initializer = Initializer.normal(std)

/** Uniform `U(lo, hi)`, [Initializer.uniform]. */
public fun uniform(lo: Double, hi: Double): Initializer = Initializer.uniform(lo, hi)

/** All zeros, [Initializer.zeros]. */
public fun zeros(): Initializer = Initializer.zeros()
