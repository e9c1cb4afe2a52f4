package dev.cordon.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps terraform/ honest. hcl4j gives the block structure; it evaluates expressions as it parses
 * (a validation condition comes back as a boolean), so conditions are checked on the source text.
 */
class TerraformPolicyTest {

    private static final Path ROOT = Path.of("terraform");
    private static final Path MODULE = ROOT.resolve("modules/cordon");
    private static final Pattern PINNED = Pattern.compile("(~>|=)\\s*\\d+\\.\\d+(\\.\\d+)?");
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(password|secret|access_key|api_key|hmac_keys|redis_url|admin_key).*");

    @Test
    void everyRequiredProviderIsPinnedToAMinorVersion() {
        List<Map<String, Object>> pins = new ArrayList<>();
        for (Path file : tfFiles(ROOT)) {
            Map<String, Object> providers = map(map(parse(file).get("terraform")).get("required_providers"));
            providers.values().forEach(provider -> pins.add(map(provider)));
        }

        assertThat(pins).isNotEmpty().allSatisfy(pin ->
                assertThat((String) pin.get("version")).matches(PINNED.pattern()));
    }

    @Test
    void auditRetentionBelowSixYearsIsRefusedUnlessExplicitlyAllowed() throws IOException {
        Map<String, Object> retention = map(variables(MODULE.resolve("variables.tf")).get("audit_retention_days"));
        String block = variableSource(MODULE.resolve("variables.tf"), "audit_retention_days");

        assertThat(retention).containsKey("validation");
        assertThat(block).containsPattern("var\\.audit_retention_days\\s*>=\\s*2190\\s*\\|\\|\\s*var\\.allow_short_retention");
    }

    @Test
    void theAuditBucketIsLockedInComplianceModeForTheRetentionPeriod() {
        Map<String, Object> resources = map(parse(MODULE.resolve("bucket.tf")).get("resource"));
        Map<String, Object> bucket = map(map(resources.get("aws_s3_bucket")).get("audit"));
        Map<String, Object> lock = map(map(resources.get("aws_s3_bucket_object_lock_configuration")).get("audit"));
        Map<String, Object> retention = map(map(lock.get("rule")).get("default_retention"));

        assertThat(bucket).containsEntry("object_lock_enabled", true);
        assertThat(retention).containsEntry("mode", "COMPLIANCE");
        assertThat(String.valueOf(retention.get("days"))).isEqualTo("var.audit_retention_days");
        assertThat(resources).containsKeys("aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block",
                "aws_s3_bucket_server_side_encryption_configuration");
    }

    @Test
    void everyCredentialVariableIsMarkedSensitive() {
        List<String> checked = new ArrayList<>();
        for (Path file : tfFiles(ROOT)) {
            variables(file).forEach((name, body) -> {
                if (SECRET_NAME.matcher(name).matches() || name.equals("model_providers")) {
                    assertThat(map(body)).as(file + ": variable " + name).containsEntry("sensitive", true);
                    checked.add(name);
                }
            });
        }

        assertThat(checked).contains("database_password", "s3_secret_key", "audit_hmac_keys", "model_providers");
    }

    @Test
    void noCredentialIsWrittenIntoTheConfiguration() {
        for (Path file : tfFiles(ROOT)) {
            assertNoLiteralCredential(file.toString(), parse(file).get("module"));
        }
    }

    /**
     * A credential-named attribute may only refer to a variable or another module's output (the
     * Redis URL cordon-aws builds); any literal is a committed secret.
     */
    private static void assertNoLiteralCredential(String where, Object node) {
        if (!(node instanceof Map<?, ?> attributes)) return;
        attributes.forEach((key, value) -> {
            if (SECRET_NAME.matcher(key.toString()).matches() && !(value instanceof Map<?, ?>)) {
                assertThat(String.valueOf(value)).as(where + ": " + key).matches("(var|module)\\..*");
            }
            assertNoLiteralCredential(where, value);
        });
    }

    private static Map<String, Object> variables(Path file) {
        return map(parse(file).get("variable"));
    }

    private static String variableSource(Path file, String name) throws IOException {
        String text = Files.readString(file);
        Matcher start = Pattern.compile("variable \"" + name + "\" \\{").matcher(text);
        assertThat(start.find()).as("variable " + name + " in " + file).isTrue();
        int end = text.indexOf("\nvariable ", start.end());
        return text.substring(start.start(), end < 0 ? text.length() : end);
    }

    private static Map<String, Object> parse(Path file) {
        try {
            return new HCLParser().parse(file.toFile(), "UTF-8");
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Path> tfFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".tf"))
                    .filter(f -> !f.toString().contains(".terraform")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + root.toAbsolutePath(), e);
        }
    }
}
