package dev.stowage.host.http;

import java.util.Map;

/**
 * How a server answers a request it refuses before its handler sees it (a head that breaks HTTP/1.1 framing, a body
 * past its limit): in the protocol the request speaks, so that every client reads the error as an AWS error rather
 * than the JDK server's HTML page.
 */
@FunctionalInterface
public interface HeadRefusal {
    /**
     * The answer to a refused request.
     *
     * @param head what could be read of the request
     * @param status the HTTP status, a 4xx
     * @param code the AWS error code
     * @param message what was wrong
     */
    Answer answer(RequestHead head, int status, String code, String message);

    /**
     * A refusal as it goes on the wire.
     *
     * @param status the HTTP status
     * @param headers the headers ({@code Content-Length} and {@code Connection} are added)
     * @param body the body
     */
    record Answer(int status, Map<String, String> headers, byte[] body) {}
}
