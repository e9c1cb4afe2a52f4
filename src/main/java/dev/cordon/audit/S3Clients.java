package dev.cordon.audit;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client for audit segments. Flexible checksums are only sent where an operation
 * requires them: S3-compatible stores such as Ceph RGW 16 reject them, and segments carry
 * Content-MD5, which AWS S3 accepts for Object Lock writes. Without static keys the AWS default
 * credential chain (instance/pod roles) applies.
 */
public final class S3Clients {

    private S3Clients() {}

    public static S3Client create(Optional<String> endpoint, String region, Optional<String> accessKey, Optional<String> secretKey) {
        S3ClientBuilder builder = S3Client.builder().forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .region(Region.of(region));
        endpoint.filter(e -> !e.isBlank()).ifPresent(e -> builder.endpointOverride(URI.create(e)));
        if (accessKey.filter(k -> !k.isBlank()).isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKey.get(), secretKey.orElse(""))));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
