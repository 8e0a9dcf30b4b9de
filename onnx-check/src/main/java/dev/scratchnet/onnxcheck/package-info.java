/**
 * ONNX Runtime beside scratchnet, kept out of every other artifact (its jar carries every platform's
 * natives, 139 MB): the tests that run exported models in it, and the bench's W3O timer. Not API.
 */
package dev.scratchnet.onnxcheck;
