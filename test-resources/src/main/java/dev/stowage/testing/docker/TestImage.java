package dev.stowage.testing.docker;

/**
 * The images {@link TestImages} builds, each from its recipe under {@code test-images/<name>/} on the class path.
 * All but {@link #BUSYBOX} follow SageMaker's hosting contract: started with the argument {@code serve}, they
 * listen on {@code 0.0.0.0:$SAGEMAKER_BIND_TO_PORT} (default 8080) and answer {@code GET /ping} and {@code POST
 * /invocations}.
 */
public enum TestImage {
    /**
     * Flask under gunicorn serving the scikit-learn model in {@code /opt/ml/model/model.joblib}, loaded before it
     * listens; {@code /invocations} takes {@code text/csv} rows or JSON {@code {"instances": [[...], ...]}} and
     * answers {@code {"predictions": [...]}}. The argument {@code train OUT_DIR} trains the test model instead (see
     * {@link TrainedModel}). Env: {@code SAGEMAKER_MODEL_SERVER_WORKERS} (1), {@code SAGEMAKER_MODEL_SERVER_TIMEOUT}
     * (60 s), {@code SM_MODEL_DIR} (/opt/ml/model).
     */
    BYOC_SKLEARN("byoc-sklearn"),
    /** Serves, but {@code /ping} always answers 500. */
    UNHEALTHY("unhealthy"),
    /**
     * Serves {@code /ping} (200) and {@code /invocations} ({@code {"predictions": [n]}} for the n-th), and after
     * answering the {@code EXIT_AFTER_INVOCATIONS}-th invocation (default 1; 0: at start-up) either exits with
     * {@code EXIT_CODE} (default 3) or, with {@code EXIT_MODE=oom}, allocates memory until the OOM killer ends it.
     */
    EXIT_AFTER_SERVING("exit-after-serving"),
    /**
     * {@code /invocations} with {@code {"inputs": "words", "parameters": {"max_new_tokens": n}}} answers {@code
     * text/plain} in HTTP/1.1 chunks, one token per chunk, {@code STREAM_TOKEN_DELAY_MS} (default 50) apart; token
     * i is the (i mod k)-th of the k input words followed by a space.
     */
    STREAMING("streaming"),
    /** Debian's static busybox with its applets in {@code /bin}; runs {@code sh} by default. About 2 MB. */
    BUSYBOX("busybox");

    private final String recipeName;

    TestImage(String recipeName) {
        this.recipeName = recipeName;
    }

    /** The recipe's folder name, also the image's repository name under {@code stowage-test/}. */
    public String recipeName() {
        return recipeName;
    }
}
