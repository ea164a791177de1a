package dev.stowage.local;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How to run local mode.
 *
 * @param port the HTTP port on 127.0.0.1; 0 picks a free one
 * @param dataDir where DynamoDB Local keeps its data, or null for in memory
 * @param region the region of ARNs and of SigV4
 * @param account the account id of ARNs
 * @param accessKey the access key clients sign with
 * @param secretKey its secret
 */
public record LocalModeOptions(
        int port, @Nullable Path dataDir, String region, String account, String accessKey, String secretKey) {

    /** Port 8080, in memory, us-east-1, account 000000000000, credentials test/test. */
    public static LocalModeOptions defaults() {
        return new LocalModeOptions(8080, null, "us-east-1", "000000000000", "test", "test");
    }
}
