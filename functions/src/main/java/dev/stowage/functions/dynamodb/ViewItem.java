package dev.stowage.functions.dynamodb;

import org.jspecify.annotations.Nullable;

/**
 * One item of the {@code views} table, as the Enhanced Client maps it ({@link ViewItemSchema}). A row item
 * has {@code kind} set and is in the {@code kind-index}; a checkpoint item has only {@code id} and {@code
 * lastVersion}, so the sparse index never lists it. Members a kind does not use stay null and are not
 * written. Instants are ISO-8601 strings (exact, unlike epoch millis), documents JSON strings.
 */
final class ViewItem {
    private @Nullable String id;
    private @Nullable String kind;
    private @Nullable String name;
    private @Nullable String arn;
    private @Nullable String creationTime;
    private @Nullable String lastModifiedTime;
    private @Nullable Long lastVersion;
    private @Nullable String document;
    private @Nullable String endpointConfigName;
    private @Nullable String status;
    private @Nullable String failureReason;
    private @Nullable String endpointName;
    private @Nullable String endpointArn;
    private @Nullable String variantName;
    private @Nullable Integer desiredCopyCount;
    private @Nullable Integer currentCopyCount;
    private @Nullable Long expiresAt;

    @Nullable
    String getId() {
        return id;
    }

    void setId(@Nullable String id) {
        this.id = id;
    }

    @Nullable
    String getKind() {
        return kind;
    }

    void setKind(@Nullable String kind) {
        this.kind = kind;
    }

    @Nullable
    String getName() {
        return name;
    }

    void setName(@Nullable String name) {
        this.name = name;
    }

    @Nullable
    String getArn() {
        return arn;
    }

    void setArn(@Nullable String arn) {
        this.arn = arn;
    }

    @Nullable
    String getCreationTime() {
        return creationTime;
    }

    void setCreationTime(@Nullable String creationTime) {
        this.creationTime = creationTime;
    }

    @Nullable
    String getLastModifiedTime() {
        return lastModifiedTime;
    }

    void setLastModifiedTime(@Nullable String lastModifiedTime) {
        this.lastModifiedTime = lastModifiedTime;
    }

    @Nullable
    Long getLastVersion() {
        return lastVersion;
    }

    void setLastVersion(@Nullable Long lastVersion) {
        this.lastVersion = lastVersion;
    }

    @Nullable
    String getDocument() {
        return document;
    }

    void setDocument(@Nullable String document) {
        this.document = document;
    }

    @Nullable
    String getEndpointConfigName() {
        return endpointConfigName;
    }

    void setEndpointConfigName(@Nullable String endpointConfigName) {
        this.endpointConfigName = endpointConfigName;
    }

    @Nullable
    String getStatus() {
        return status;
    }

    void setStatus(@Nullable String status) {
        this.status = status;
    }

    @Nullable
    String getFailureReason() {
        return failureReason;
    }

    void setFailureReason(@Nullable String failureReason) {
        this.failureReason = failureReason;
    }

    @Nullable
    String getEndpointName() {
        return endpointName;
    }

    void setEndpointName(@Nullable String endpointName) {
        this.endpointName = endpointName;
    }

    @Nullable
    String getEndpointArn() {
        return endpointArn;
    }

    void setEndpointArn(@Nullable String endpointArn) {
        this.endpointArn = endpointArn;
    }

    @Nullable
    String getVariantName() {
        return variantName;
    }

    void setVariantName(@Nullable String variantName) {
        this.variantName = variantName;
    }

    @Nullable
    Integer getDesiredCopyCount() {
        return desiredCopyCount;
    }

    void setDesiredCopyCount(@Nullable Integer desiredCopyCount) {
        this.desiredCopyCount = desiredCopyCount;
    }

    @Nullable
    Integer getCurrentCopyCount() {
        return currentCopyCount;
    }

    void setCurrentCopyCount(@Nullable Integer currentCopyCount) {
        this.currentCopyCount = currentCopyCount;
    }

    @Nullable
    Long getExpiresAt() {
        return expiresAt;
    }

    void setExpiresAt(@Nullable Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
