package dev.stowage.testing.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A private image registry for pull tests: Debian's {@code docker-registry} (Distribution 2.8) as a child process
 * on a free loopback port, with htpasswd basic auth for a generated user and storage in a temporary folder. The
 * Engine speaks plain HTTP to it because it treats 127.0.0.0/8 registries as insecure by default. {@link #close()}
 * stops it and deletes its storage.
 */
public final class TestRegistry implements AutoCloseable {
    public static final String USERNAME = "stowage";

    private static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    private static final Path HTPASSWD = Path.of("/usr/bin/htpasswd");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final int PUSH_TIMEOUT_MINUTES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final Path directory;
    private final String address;
    private final String password;
    /** The local tags {@link #push} made, removed on close so reruns leave no {@code 127.0.0.1:<port>/…} behind. */
    private final Map<String, DockerClient> pushed = new ConcurrentHashMap<>();

    private TestRegistry(Process process, Path directory, String address, String password) {
        this.process = process;
        this.directory = directory;
        this.address = address;
        this.password = password;
    }

    /** Starts a registry and waits until it answers (≈0.2 s). */
    public static TestRegistry start() throws IOException, InterruptedException {
        for (Path tool : List.of(REGISTRY, HTPASSWD)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: install it with scripts/docker-engine start");
            }
        }
        Path directory = Files.createTempDirectory("stowage-registry-");
        String password = randomHex(12);
        run(List.of(HTPASSWD.toString(), "-Bbc", directory.resolve("htpasswd").toString(), USERNAME, password));
        int port = freeLoopbackPort();
        String address = "127.0.0.1:" + port;
        Path config = Files.writeString(directory.resolve("config.yml"), config(directory, address));
        Process process = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        var registry = new TestRegistry(process, directory, address, password);
        try {
            registry.awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** {@code 127.0.0.1:<port>}, the prefix of the images' references here. */
    public String address() {
        return address;
    }

    public String password() {
        return password;
    }

    /** The generated user's credentials for this registry, as the Engine takes them. */
    public AuthConfig credentials() {
        return credentials(USERNAME, password);
    }

    /** Any credentials for this registry, for example wrong ones. */
    public AuthConfig credentials(String username, String password) {
        return new AuthConfig().withUsername(username).withPassword(password).withRegistryAddress(address);
    }

    /**
     * Tags the local {@code image} as {@code <address>/<repository>:<tag>} and pushes it with the right
     * credentials; returns that reference. The local tag stays until {@link #close()}; remove it to make a later
     * pull really pull.
     */
    public String push(DockerClient docker, String image, String repository, String tag) throws InterruptedException {
        String target = address + "/" + repository;
        docker.tagImageCmd(image, target, tag).exec();
        pushed.put(target + ":" + tag, docker);
        var error = new AtomicReference<String>();
        boolean done = docker.pushImageCmd(target)
                .withTag(tag)
                .withAuthConfig(credentials())
                .exec(new ResultCallback.Adapter<PushResponseItem>() {
                    @Override
                    public void onNext(PushResponseItem item) {
                        // The Engine answers 200 and reports a failed push inside the progress stream.
                        if (item.getErrorDetail() != null) {
                            error.compareAndSet(null, item.getErrorDetail().getMessage());
                        } else if (item.getError() != null) {
                            error.compareAndSet(null, item.getError());
                        }
                    }
                })
                .awaitCompletion(PUSH_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!done) {
            throw new IllegalStateException(
                    "pushing " + target + ":" + tag + " took over " + PUSH_TIMEOUT_MINUTES + " minutes");
        }
        if (error.get() != null) {
            throw new IllegalStateException("pushing " + target + ":" + tag + " failed: " + error.get()
                    + "\nregistry log:\n" + Mmdebstrap.tail(directory.resolve("registry.log")));
        }
        return target + ":" + tag;
    }

    /** The registry's log so far (requests, auth failures). */
    public String log() throws IOException {
        return Files.readString(directory.resolve("registry.log"));
    }

    /** Stops the registry, deletes its storage and removes the local tags {@link #push} made. */
    @Override
    public void close() {
        pushed.forEach((reference, docker) -> {
            try {
                docker.removeImageCmd(reference).exec();
            } catch (NotFoundException e) {
                // The test removed it already.
            }
        });
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind is no test failure.
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var probe = HttpRequest.newBuilder(URI.create("http://" + address + "/v2/"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                // 401: up, and asking for credentials as it should.
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(
                "docker-registry did not answer on " + address + " within " + READY_TIMEOUT + ":\n" + log());
    }

    private static String config(Path directory, String address) {
        return """
                version: 0.1
                log:
                  level: info
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: %s
                  secret: %s
                auth:
                  htpasswd:
                    realm: stowage-test-registry
                    path: %s
                """
                .formatted(directory.resolve("data"), address, randomHex(16), directory.resolve("htpasswd"));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static int freeLoopbackPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
    }
}
