package dev.stowage.domain;

import java.util.Locale;

/** ARNs of the configured region and account, as the service forms them. */
public record Arns(String region, String account) {

    public String model(String name) {
        return arn("model/" + name);
    }

    public String endpointConfig(String name) {
        return arn("endpoint-config/" + name);
    }

    public String endpoint(String name) {
        return arn("endpoint/" + name);
    }

    public String inferenceComponent(String name) {
        return arn("inference-component/" + name);
    }

    private String arn(String resource) {
        return "arn:aws:sagemaker:" + region + ":" + account + ":" + resource.toLowerCase(Locale.ROOT);
    }
}
