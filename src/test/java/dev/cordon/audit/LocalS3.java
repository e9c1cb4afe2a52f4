package dev.cordon.audit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** An S3 client for the local Ceph RADOS Gateway started by scripts/services.sh. */
final class LocalS3 {

    private LocalS3() {}

    static S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(env("CORDON_S3_ENDPOINT", "http://127.0.0.1:7480")))
                .region(Region.of(env("CORDON_S3_REGION", "us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env("CORDON_S3_ACCESS_KEY", "cordon-access"), env("CORDON_S3_SECRET_KEY", "cordon-secret-key-local-only"))))
                .forcePathStyle(true)
                // Ceph 16 rejects the SDK's default flexible checksums; Content-MD5 is sent instead.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
