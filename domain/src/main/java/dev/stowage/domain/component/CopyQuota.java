package dev.stowage.domain.component;

/**
 * The operator's service quota on the copies one inference component may ask for, as the service keeps per-account
 * quotas: a request beyond it is refused with {@code ResourceLimitExceeded}. The default keeps one request from
 * asking the control plane for more copies than any endpoint could hold.
 *
 * @param copiesPerInferenceComponent the most copies one component may want, at least 1
 */
public record CopyQuota(int copiesPerInferenceComponent) {
    /** 1,000 copies: 125 instances of eight accelerators, one copy on each. */
    public static final CopyQuota DEFAULT = new CopyQuota(1_000);

    public CopyQuota {
        if (copiesPerInferenceComponent < 1) {
            throw new IllegalArgumentException(
                    "The copy quota must be at least 1, not " + copiesPerInferenceComponent + ".");
        }
    }
}
