package dev.cordon.audit;

import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/** An S3 client for the local Ceph RADOS Gateway started by scripts/services.sh, built like the gateway's own. */
final class LocalS3 {

    private LocalS3() {}

    static S3Client client() {
        return S3Clients.create(Optional.of(env("CORDON_S3_ENDPOINT", "http://127.0.0.1:7480")), env("CORDON_S3_REGION", "us-east-1"),
                Optional.of(env("CORDON_S3_ACCESS_KEY", "cordon-access")), Optional.of(env("CORDON_S3_SECRET_KEY", "cordon-secret-key-local-only")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
