/**
 * PHI detection and redaction engine: plain Java, no CDI, safe for native images (no reflection,
 * no classpath scanning; data files are loaded from fixed resource paths, see
 * {@code META-INF/native-image/dev.cordon/phi/resource-config.json}).
 *
 * <p>Typical use per request: {@code Redaction r = new Redactor(PhiEngines.defaultAnalyzer())
 * .redact(prompt, policy, vault)}; send {@code r.text()} upstream; restore the answer with
 * {@link dev.cordon.phi.Restorer#restore} or, when streaming, a {@link dev.cordon.phi.StreamingRestorer}
 * fed chunk by chunk. Analyzers are immutable and thread-safe; a {@link dev.cordon.phi.TokenVault}
 * and a {@link dev.cordon.phi.StreamingRestorer} belong to one request. Any exception from the engine
 * means "could not check": callers must fail closed. Nothing here logs, and exception messages never
 * contain input text.
 */
package dev.cordon.phi;
