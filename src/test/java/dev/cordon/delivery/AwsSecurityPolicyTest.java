package dev.cordon.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a hospital's security review asks of terraform/modules/cordon-aws, asserted on the HCL.
 * hcl4j turns "${var.x}" into "var.x" and evaluates conditions as it parses, so validation
 * conditions are read from the source text instead.
 */
class AwsSecurityPolicyTest {

    private static final Path ROOT = Path.of("terraform");
    private static final Path MODULE = ROOT.resolve("modules/cordon-aws");
    private static final List<String> GATEWAY_ACTIONS = List.of(
            "s3:PutObject", "s3:PutObjectRetention", "s3:GetObject", "s3:GetObjectRetention", "s3:GetObjectVersion",
            "s3:ListBucket", "s3:GetBucketObjectLockConfiguration", "kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt");
    /** The one wildcard the gateway may hold: objects under the validated, non-empty audit prefix. */
    private static final String PREFIX_WILDCARD = "/var.audit_prefix*";

    // ---- audit bucket

    @Test
    void theAuditBucketHasObjectLockFromCreation() {
        assertThat(resource("bucket.tf", "aws_s3_bucket", "audit")).containsEntry("object_lock_enabled", true);
    }

    @Test
    void defaultRetentionIsComplianceForAtLeastSixYearsUnlessExplicitlyAllowed() throws IOException {
        Map<String, Object> lock = resource("bucket.tf", "aws_s3_bucket_object_lock_configuration", "audit");
        Map<String, Object> retention = map(map(lock.get("rule")).get("default_retention"));
        String variable = variableSource("audit_retention_days");

        assertThat(retention).containsEntry("mode", "COMPLIANCE").containsEntry("days", "var.audit_retention_days");
        assertThat(variable).containsPattern("default\\s*=\\s*2190\\b")
                .containsPattern("var\\.audit_retention_days\\s*>=\\s*2190\\s*\\|\\|\\s*var\\.allow_short_retention");
        assertThat(map(variables().get("allow_short_retention"))).containsEntry("default", false);
    }

    @Test
    void theAuditBucketIsVersionedAndEncryptedWithTheCustomerManagedKey() {
        Map<String, Object> versioning = resource("bucket.tf", "aws_s3_bucket_versioning", "audit");
        Map<String, Object> sse = map(map(resource("bucket.tf",
                "aws_s3_bucket_server_side_encryption_configuration", "audit").get("rule"))
                .get("apply_server_side_encryption_by_default"));

        assertThat(map(versioning.get("versioning_configuration"))).containsEntry("status", "Enabled");
        assertThat(sse).containsEntry("sse_algorithm", "aws:kms").containsEntry("kms_master_key_id", "aws_kms_key.audit.arn");
    }

    @Test
    void everyBucketBlocksAllPublicAccess() {
        Map<String, Object> buckets = resources("bucket.tf", "aws_s3_bucket");
        Map<String, Object> blocks = resources("bucket.tf", "aws_s3_bucket_public_access_block");

        assertThat(buckets).containsKeys("audit", "access_logs");
        buckets.keySet().forEach(name -> assertThat(map(blocks.get(name))).as("public access block of " + name)
                .containsEntry("bucket", "aws_s3_bucket." + name + ".id")
                .containsEntry("block_public_acls", true)
                .containsEntry("block_public_policy", true)
                .containsEntry("ignore_public_acls", true)
                .containsEntry("restrict_public_buckets", true));
    }

    @Test
    void everyBucketPolicyRefusesRequestsWithoutTls() {
        for (String document : List.of("audit_bucket", "access_logs")) {
            assertThat(statements(policyDocument("bucket.tf", document))).as(document).anySatisfy(s -> {
                assertThat(s).containsEntry("effect", "Deny");
                assertThat(list(map(s.get("principals")).get("identifiers"))).containsExactly("*");
                assertThat(map(s.get("condition"))).containsEntry("variable", "aws:SecureTransport");
                assertThat(list(map(s.get("condition")).get("values"))).containsExactly("false");
            });
        }
        assertThat(resource("bucket.tf", "aws_s3_bucket_policy", "audit"))
                .containsEntry("policy", "data.aws_iam_policy_document.audit_bucket.json");
    }

    @Test
    void theBucketPolicyDeniesTheGatewayDeletesLockChangesBypassAndLifecycle() {
        assertThat(statements(policyDocument("bucket.tf", "audit_bucket"))).anySatisfy(s -> {
            assertThat(s).containsEntry("effect", "Deny");
            assertThat(list(map(s.get("principals")).get("identifiers"))).containsExactly("aws_iam_role.gateway.arn");
            assertThat(list(s.get("actions"))).contains("s3:DeleteObject", "s3:DeleteObjectVersion",
                    "s3:PutBucketObjectLockConfiguration", "s3:BypassGovernanceRetention", "s3:PutLifecycleConfiguration");
            assertThat(list(s.get("resources"))).contains("aws_s3_bucket.audit.arn", "aws_s3_bucket.audit.arn/*");
        });
    }

    @Test
    void accessLogsGoToASeparateVersionedEncryptedBucket() {
        assertThat(resource("bucket.tf", "aws_s3_bucket_logging", "audit"))
                .containsEntry("bucket", "aws_s3_bucket.audit.id")
                .containsEntry("target_bucket", "aws_s3_bucket.access_logs.id");
        assertThat(map(resource("bucket.tf", "aws_s3_bucket_versioning", "access_logs").get("versioning_configuration")))
                .containsEntry("status", "Enabled");
        assertThat(map(map(resource("bucket.tf", "aws_s3_bucket_server_side_encryption_configuration", "access_logs")
                .get("rule")).get("apply_server_side_encryption_by_default"))).containsKey("sse_algorithm");
    }

    // ---- KMS

    @Test
    void everyKmsKeyRotatesAndHasAPolicyAndADeletionWindow() {
        Map<String, Object> keys = resources("kms.tf", "aws_kms_key");

        assertThat(keys).containsKeys("audit", "data");
        keys.forEach((name, key) -> assertThat(map(key)).as("aws_kms_key." + name)
                .containsEntry("enable_key_rotation", true)
                .containsEntry("deletion_window_in_days", "var.kms_deletion_window_days")
                .containsEntry("policy", "data.aws_iam_policy_document." + name + "_key.json"));
    }

    // ---- IAM

    @Test
    void theGatewayRoleCanOnlyBeAssumedByTheGatewayServiceAccount() {
        Map<String, Object> trust = map(policyDocument("iam.tf", "gateway_trust").get("statement"));
        List<Map<String, Object>> conditions = maps(trust.get("condition"));

        assertThat(list(trust.get("actions"))).containsExactly("sts:AssumeRoleWithWebIdentity");
        assertThat(map(trust.get("principals"))).containsEntry("type", "Federated");
        assertThat(conditions).anySatisfy(c -> {
            assertThat(c).containsEntry("test", "StringEquals").containsEntry("variable", "local.oidc_issuer:sub");
            assertThat(list(c.get("values"))).containsExactly("system:serviceaccount:var.namespace:cordon-gateway");
        });
        assertThat(conditions).anySatisfy(c -> assertThat(c).containsEntry("variable", "local.oidc_issuer:aud"));
        assertThat(resource("iam.tf", "aws_iam_role", "gateway"))
                .containsEntry("assume_role_policy", "data.aws_iam_policy_document.gateway_trust.json");
    }

    @Test
    void theGatewayPolicyGrantsExactlyTheListedActionsWithoutWildcards() {
        List<Map<String, Object>> statements = statements(policyDocument("iam.tf", "gateway"));
        List<String> actions = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        for (Map<String, Object> s : statements) {
            assertThat(s).as(String.valueOf(s.get("sid"))).doesNotContainKey("effect").doesNotContainKey("not_actions")
                    .doesNotContainKey("not_resources");
            actions.addAll(list(s.get("actions")));
            list(s.get("resources")).forEach(r -> resources.add(resolveLocal(r)));
        }

        assertThat(wildcardViolations(actions, resources)).isEmpty();
        assertThat(actions).containsExactlyInAnyOrderElementsOf(GATEWAY_ACTIONS);
        assertThat(resources).containsOnly("aws_s3_bucket.audit.arn" + PREFIX_WILDCARD, "aws_s3_bucket.audit.arn",
                "aws_kms_key.audit.arn");
        assertThat(statements).anySatisfy(s -> {
            assertThat(list(s.get("actions"))).containsExactly("s3:ListBucket");
            assertThat(map(s.get("condition"))).containsEntry("variable", "s3:prefix");
        });
        assertThat(resource("iam.tf", "aws_iam_role_policy", "gateway"))
                .containsEntry("policy", "data.aws_iam_policy_document.gateway.json");
    }

    @Test
    void theAuditPrefixCannotBeEmptySoItsWildcardNeverCoversTheBucket() throws IOException {
        assertThat(variableSource("audit_prefix")).contains("regex(\"^[a-z0-9][a-z0-9-]*/$\", var.audit_prefix)");
    }

    @Test
    void aPlantedWildcardIsCaught() throws Exception {
        Map<String, Object> planted = map(plain(new HCLParser().parse("""
                data "aws_iam_policy_document" "gateway" {
                  statement {
                    actions   = ["s3:*", "s3:Get*", "s3:PutObject"]
                    resources = ["*", "arn:aws:s3:::cordon-audit/*", "${aws_s3_bucket.audit.arn}/${var.audit_prefix}*"]
                  }
                }
                """)));
        Map<String, Object> s = map(map(map(map(planted.get("data")).get("aws_iam_policy_document")).get("gateway"))
                .get("statement"));

        assertThat(wildcardViolations(list(s.get("actions")), list(s.get("resources"))))
                .containsExactlyInAnyOrder("action s3:*", "action s3:Get*", "resource *",
                        "resource arn:aws:s3:::cordon-audit/*");
    }

    // ---- PostgreSQL

    @Test
    void postgresIsEncryptedPrivateProtectedAndBackedUp() throws IOException {
        Map<String, Object> db = resource("database.tf", "aws_db_instance", "cordon");

        assertThat(db).containsEntry("engine", "postgres")
                .containsEntry("storage_encrypted", true)
                .containsEntry("kms_key_id", "aws_kms_key.data.arn")
                .containsEntry("publicly_accessible", false)
                .containsEntry("deletion_protection", true)
                .containsEntry("skip_final_snapshot", false)
                .containsEntry("backup_retention_period", "var.db_backup_retention_days")
                .containsEntry("parameter_group_name", "aws_db_parameter_group.cordon.name");
        assertThat(variableSource("db_backup_retention_days")).containsPattern("var\\.db_backup_retention_days\\s*>=\\s*7\\b");
        assertThat(variableSource("db_engine_version")).contains("^15");
    }

    @Test
    void postgresRefusesConnectionsWithoutTls() {
        Map<String, Object> group = resource("database.tf", "aws_db_parameter_group", "cordon");

        assertThat(group).containsEntry("family", "postgres15");
        assertThat(maps(group.get("parameter"))).anySatisfy(p ->
                assertThat(p).containsEntry("name", "rds.force_ssl").containsEntry("value", "1"));
    }

    // ---- Redis

    @Test
    void redisIsEncryptedInTransitAndAtRestInBothFlavours() throws IOException {
        Map<String, Object> memorydb = resource("redis.tf", "aws_memorydb_cluster", "cordon");
        Map<String, Object> elasticache = resource("redis.tf", "aws_elasticache_replication_group", "cordon");
        String source = Files.readString(MODULE.resolve("redis.tf"));

        assertThat(memorydb).containsEntry("tls_enabled", true).containsEntry("kms_key_arn", "aws_kms_key.data.arn")
                .containsEntry("snapshot_retention_limit", "var.redis_snapshot_retention_days");
        assertThat(elasticache).containsEntry("transit_encryption_enabled", true)
                .containsEntry("at_rest_encryption_enabled", true)
                .containsEntry("kms_key_id", "aws_kms_key.data.arn")
                .containsEntry("auth_token", "var.redis_auth_token")
                .containsEntry("snapshot_retention_limit", "var.redis_snapshot_retention_days");
        assertThat(source).containsPattern("automatic_failover_enabled\\s*=\\s*var\\.redis_replicas\\s*>\\s*0");
        assertThat(variableSource("redis_snapshot_retention_days"))
                .containsPattern("var\\.redis_snapshot_retention_days\\s*>=\\s*1\\b");
        assertThat(variableSource("redis_engine_version")).contains("^7\\\\.");
    }

    @Test
    void theDurableRedisIsTheDefaultAndItsSecretsAreSensitive() {
        Map<String, Object> variables = variables();

        assertThat(map(variables.get("redis_flavor"))).containsEntry("default", "memorydb");
        assertThat(map(variables.get("redis_auth_token"))).containsEntry("sensitive", true);
        assertThat(map(variables.get("db_password"))).containsEntry("sensitive", true);
    }

    @Test
    void inClusterModeEveryCordonKeySharesOneHashSlot() throws IOException {
        String main = Files.readString(ROOT.resolve("modules/cordon/main.tf"));

        assertThat(main).contains("var.redis_client_type == \"cluster\" ? { CORDON_TENANCY_REDIS_KEY_PREFIX = \"{cordon}:\" }")
                .contains("local.redis_config");
    }

    // ---- Versions and wiring

    @Test
    void everyConfigurationPinsTheTargetedProviderVersions() {
        Map<String, String> expected = Map.of("aws", "~> 5.90.0", "kubernetes", "~> 2.36.0");
        List<Path> pinning = new ArrayList<>();
        for (Path file : tfFiles(ROOT)) {
            Map<String, Object> terraform = map(parse(file).get("terraform"));
            if (terraform.isEmpty()) continue;
            assertThat(String.valueOf(terraform.get("required_version"))).as(file.toString()).startsWith(">= 1.9");
            map(terraform.get("required_providers")).forEach((name, pin) ->
                    assertThat(map(pin).get("version")).as(file + ": " + name).isEqualTo(expected.get(name)));
            pinning.add(file);
        }

        assertThat(pinning).contains(MODULE.resolve("versions.tf"), ROOT.resolve("examples/aws/versions.tf"),
                ROOT.resolve("examples/onprem/main.tf"));
    }

    @Test
    void onAwsOnlyCordonAwsCreatesTheAuditBucket() throws IOException {
        Map<String, Object> cordon = map(map(parse(ROOT.resolve("examples/aws/main.tf")).get("module")).get("cordon"));
        String variables = Files.readString(ROOT.resolve("modules/cordon/variables.tf"));

        assertThat(cordon).containsEntry("cloud", "aws").doesNotContainKey("create_bucket")
                .doesNotContainKey("s3_access_key").doesNotContainKey("s3_secret_key")
                .containsEntry("audit_kms_key_id", "module.cordon_aws.CORDON_AUDIT_KMS_KEY_ID")
                .containsEntry("redis_url", "module.cordon_aws.CORDON_REDIS_URL");
        assertThat(variables).contains("!(var.create_bucket && var.cloud == \"aws\")");
        assertThat(map(parse(ROOT.resolve("examples/onprem/main.tf")).get("module"))).doesNotContainKey("cordon_aws");
    }

    // ---- helpers

    /** Every `*` in an action, and every `*` in a resource except the one after the audit prefix. */
    static List<String> wildcardViolations(List<String> actions, List<String> resources) {
        List<String> violations = new ArrayList<>();
        actions.stream().filter(a -> a.contains("*")).forEach(a -> violations.add("action " + a));
        for (String r : resources) {
            String rest = r.endsWith(PREFIX_WILDCARD) ? r.substring(0, r.length() - 1) : r;
            if (rest.contains("*")) violations.add("resource " + r);
        }
        return violations;
    }

    private static String resolveLocal(String value) {
        if (!value.startsWith("local.")) return value;
        Map<String, Object> locals = new HashMap<>();
        tfFiles(MODULE).forEach(f -> locals.putAll(map(parse(f).get("locals"))));
        return String.valueOf(locals.get(value.substring("local.".length())));
    }

    private static Map<String, Object> resources(String file, String type) {
        return map(map(parse(MODULE.resolve(file)).get("resource")).get(type));
    }

    private static Map<String, Object> resource(String file, String type, String name) {
        Map<String, Object> resource = map(resources(file, type).get(name));
        assertThat(resource).as(type + "." + name + " in " + file).isNotEmpty();
        return resource;
    }

    private static Map<String, Object> policyDocument(String file, String name) {
        Map<String, Object> document = map(map(map(parse(MODULE.resolve(file)).get("data"))
                .get("aws_iam_policy_document")).get(name));
        assertThat(document).as("aws_iam_policy_document." + name + " in " + file).isNotEmpty();
        return document;
    }

    private static List<Map<String, Object>> statements(Map<String, Object> document) {
        return maps(document.get("statement"));
    }

    private static Map<String, Object> variables() {
        return map(parse(MODULE.resolve("variables.tf")).get("variable"));
    }

    private static String variableSource(String name) throws IOException {
        String text = Files.readString(MODULE.resolve("variables.tf"));
        Matcher start = Pattern.compile("variable \"" + name + "\" \\{").matcher(text);
        assertThat(start.find()).as("variable " + name).isTrue();
        int end = text.indexOf("\nvariable ", start.end());
        return text.substring(start.start(), end < 0 ? text.length() : end);
    }

    private static Map<String, Object> parse(Path file) {
        try {
            return map(plain(new HCLParser().parse(file.toFile(), "UTF-8")));
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + file, e);
        }
    }

    /** hcl4j keeps an unquoted reference (aws_kms_key.audit.arn) as an object; its text is what matters here. */
    private static Object plain(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (node instanceof List<?> l) return l.stream().map(AwsSecurityPolicyTest::plain).toList();
        if (node == null || node instanceof Boolean || node instanceof Number || node instanceof String) return node;
        return String.valueOf(node);
    }

    /** A block written once parses to a map, written several times to a list of maps. */
    private static List<Map<String, Object>> maps(Object node) {
        if (node instanceof List<?> l) return l.stream().map(AwsSecurityPolicyTest::map).toList();
        return node == null ? List.of() : List.of(map(node));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> list(Object node) {
        return node instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
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
