package dev.stowage.infra;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.ec2.S3DownloadOptions;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.s3.assets.Asset;

/**
 * What an instance runs at first boot (Amazon Linux 2023 deep learning AMIs): installs Java 21, fetches the host jar
 * from the CDK asset bucket with the instance role, writes the host's environment and runs it as the systemd service
 * {@code stowage-host} under its own system user, restarted if it stops.
 */
final class HostUserData {
    static final String JAR = "/opt/stowage/stowage-host.jar";
    static final String ENVIRONMENT_FILE = "/etc/stowage/host.env";
    static final String SERVICE = "stowage-host";

    private HostUserData() {}

    static UserData of(Asset hostJar, Map<String, String> environment) {
        UserData userData = UserData.forLinux();
        userData.addCommands(
                "set -euo pipefail",
                "dnf install -y java-21-amazon-corretto-headless",
                "id stowage >/dev/null 2>&1 || useradd --system --create-home --home-dir /var/lib/stowage"
                        + " --groups video stowage",
                "mkdir -p /opt/stowage /etc/stowage");
        userData.addS3DownloadCommand(S3DownloadOptions.builder()
                .bucket(hostJar.getBucket())
                .bucketKey(hostJar.getS3ObjectKey())
                .localFile(JAR)
                .build());
        StringBuilder env = new StringBuilder();
        new TreeMap<>(environment)
                .forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
        userData.addCommands(
                "cat > " + ENVIRONMENT_FILE + " <<'ENV'\n" + env + "ENV",
                "cat > /etc/systemd/system/" + SERVICE + ".service <<'UNIT'\n" + unit() + "UNIT",
                "systemctl daemon-reload",
                "systemctl enable --now " + SERVICE);
        return userData;
    }

    private static String unit() {
        return """
                [Unit]
                Description=Stowage inference host
                Wants=network-online.target
                After=network-online.target

                [Service]
                User=stowage
                EnvironmentFile=%s
                WorkingDirectory=/var/lib/stowage
                ExecStart=/usr/bin/java -XX:+UseZGC -jar %s
                Restart=always
                RestartSec=5
                KillSignal=SIGTERM
                TimeoutStopSec=120

                [Install]
                WantedBy=multi-user.target
                """
                .formatted(ENVIRONMENT_FILE, JAR);
    }
}
