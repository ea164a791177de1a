package dev.stowage.local.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code stowage up} prints once it serves, and nothing after: where the console is, the region and credentials
 * clients use, where the data and the logs are, and last the ready line {@code Stowage listening on <url>}.
 *
 * @param url where it listens
 * @param region the region clients sign for
 * @param account the account id of ARNs
 * @param accessKey the access key clients sign with
 * @param secretKey its secret
 * @param dynamoDb where DynamoDB Local listens
 * @param dataDir the data dir, or null when in memory
 * @param logFile where the logs go, or null when they stay on standard error
 */
record StartupLines(
        URI url,
        String region,
        String account,
        String accessKey,
        String secretKey,
        URI dynamoDb,
        @Nullable Path dataDir,
        @Nullable Path logFile) {

    static final String READY = "Stowage listening on ";

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Console:      " + url.resolve("/stowage/"));
        lines.add("Region:       " + region + " (account " + account + ")");
        lines.add("Credentials:  access key " + accessKey + ", secret key " + secretKey);
        lines.add("              export AWS_ACCESS_KEY_ID=" + shellWord(accessKey) + " AWS_SECRET_ACCESS_KEY="
                + shellWord(secretKey) + " AWS_DEFAULT_REGION=" + shellWord(region));
        lines.add("DynamoDB:     " + dynamoDb
                + (dataDir == null ? " (in memory; --data-dir DIR keeps it)" : " (" + dataDir + ")"));
        if (logFile != null) {
            lines.add("Logs:         " + logFile);
        }
        lines.add(READY + url);
        return lines;
    }

    /** {@code word} as a shell reads it back: as it is when it is plain, else in single quotes. */
    static String shellWord(String word) {
        if (word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
