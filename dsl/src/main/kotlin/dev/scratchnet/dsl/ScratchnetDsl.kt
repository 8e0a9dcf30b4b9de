package dev.scratchnet.dsl

/**
 * Marks every scope of the DSL (`network { }`, `fit { }`), so that inside one scope the members
 * of an enclosing scope cannot be called without naming their receiver: `dense(…)` written inside
 * a `fit { }` that sits in a `network { }` does not compile, instead of quietly adding a layer.
 */
@DslMarker
@Target(AnnotationTarget.CLASS)
public annotation class ScratchnetDsl
