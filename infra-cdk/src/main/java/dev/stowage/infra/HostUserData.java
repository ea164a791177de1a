package dev.stowage.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.ec2.S3DownloadOptions;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.s3.assets.Asset;

/**
 * What an instance runs at first boot (Amazon Linux 2023 deep learning AMIs, ADR 21): installs Java 21; makes sure
 * the Docker Engine, and what lets containers use the instance's accelerators, are installed and running (each step
 * installs only what the AMI lacks, so it can run again); fetches the host jar from the CDK asset bucket with the
 * instance role; writes the host's environment and runs it as the systemd service {@code stowage-host} under its own
 * system user (in the {@code docker} group), after Docker and restarted if it stops.
 */
final class HostUserData {
    static final String JAR = "/opt/stowage/stowage-host.jar";
    static final String ENVIRONMENT_FILE = "/etc/stowage/host.env";
    static final String SERVICE = "stowage-host";

    /** The accelerators a launch template's instances have, and what their containers need for them. */
    enum Devices {
        /**
         * NVIDIA GPUs: the NVIDIA Container Toolkit (the deep learning AMI has it; NVIDIA's repository otherwise),
         * whose hook Docker runs for {@code --gpus}, registered with Docker as NVIDIA's guide says.
         */
        NVIDIA(List.of(
                "command -v nvidia-ctk >/dev/null 2>&1 || { curl -fsSL"
                        + " https://nvidia.github.io/libnvidia-container/stable/rpm/nvidia-container-toolkit.repo"
                        + " -o /etc/yum.repos.d/nvidia-container-toolkit.repo"
                        + " && dnf install -y nvidia-container-toolkit; }",
                "nvidia-ctk runtime configure --runtime=docker")),
        /**
         * Inferentia and Trainium: the Neuron driver ({@code aws-neuronx-dkms}, which the base Neuron AMI has) built
         * for the running kernel and loaded, so that {@code /dev/neuron<i>} exist for containers.
         */
        NEURON(List.of(
                "if ! modinfo neuron >/dev/null 2>&1; then\n"
                        + "  if [ ! -f /etc/yum.repos.d/neuron.repo ]; then\n"
                        + "    printf '%s\\n' '[neuron]' 'name=Neuron YUM Repository'"
                        + " 'baseurl=https://yum.repos.neuron.amazonaws.com' 'enabled=1' 'metadata_expire=0'"
                        + " > /etc/yum.repos.d/neuron.repo\n"
                        + "    rpm --import https://yum.repos.neuron.amazonaws.com/GPG-PUB-KEY-AMAZON-AWS-NEURON.PUB\n"
                        + "  fi\n"
                        + "  dnf install -y \"kernel-devel-uname-r = $(uname -r)\" 'aws-neuronx-dkms-2.*'\n"
                        + "  dkms autoinstall\n"
                        + "fi",
                "modprobe neuron"));

        private final List<String> commands;

        Devices(List<String> commands) {
            this.commands = commands;
        }
    }

    private HostUserData() {}

    static UserData of(Asset hostJar, Map<String, String> environment, Devices devices) {
        UserData userData = UserData.forLinux();
        userData.addCommands(
                "set -euo pipefail",
                "dnf install -y java-21-amazon-corretto-headless",
                "command -v dockerd >/dev/null 2>&1 || dnf install -y docker");
        userData.addCommands(devices.commands.toArray(String[]::new));
        userData.addCommands(
                // Restarted rather than only started: the AMI may have started it before the step above configured it.
                "systemctl enable docker",
                "systemctl restart docker",
                "id stowage >/dev/null 2>&1 || useradd --system --create-home --home-dir /var/lib/stowage"
                        + " --groups video stowage",
                // The engine's socket belongs to the docker group; the host runs its containers through it.
                "usermod --append --groups docker stowage",
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
                Wants=network-online.target docker.service
                After=network-online.target docker.service

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
