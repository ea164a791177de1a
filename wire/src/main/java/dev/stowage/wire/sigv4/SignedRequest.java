package dev.stowage.wire.sigv4;

import dev.stowage.wire.protocol.Headers;

/**
 * An incoming request as SigV4 sees it.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param rawPath the path exactly as it came on the wire, still percent-encoded, e.g. {@code /}
 * @param rawQuery the query string as it came on the wire, without {@code ?}; empty when none
 * @param headers the request headers
 * @param body the body bytes
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {}
