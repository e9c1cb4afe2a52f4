package dev.cordon.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    @Test
    void aFixedEventUnderAFixedKeyAlwaysSignsToThePinnedHmac() {
        // Pinned once and cross-checked with Python (json.dumps sort_keys, compact separators, hmac): if this changes,
        // every stored trail stops verifying. Change the format deliberately, never by accident.
        AuditChain chain = AuditChain.genesis(Trails.KEYRING);

        ChainedRecord record = chain.append(AuditEvents.event(1));

        assertThat(record.hmac()).isEqualTo("aa6f08c59ce30bef2c4c5e93318a70c75cb650da720b87e488fab29f31bb164e");
        assertThat(record.hash()).isEqualTo("345f98ce178cb49afa0f2ca91e4f38efc8a0c2cfb9003e7a9bd84fad3d3baa0e");
    }

    @Test
    void theStoredLineHasSnakeCaseKeysInSortedOrderAndNoNulls() {
        AuditChain chain = AuditChain.genesis(Trails.KEYRING);

        ChainedRecord record = chain.append(AuditEvents.event(1));

        assertThat(new String(record.line(), StandardCharsets.UTF_8)).isEqualTo("{\"action\":\"chat.completions\",\"actor\":\"svc-scribe\","
                + "\"actor_type\":\"service\",\"auth_method\":\"api_key\",\"break_glass\":false,\"completion_tokens\":95,"
                + "\"hmac\":\"" + record.hmac() + "\",\"http_status\":200,\"ip\":\"10.0.0.1\",\"key_id\":\"k1\",\"latency_ms\":431,"
                + "\"model\":\"gpt-4o\",\"outcome\":\"success\",\"patient_id\":\"patient-1\","
                + "\"phi_types\":{\"MRN\":{\"action\":\"redact\",\"count\":1},\"PERSON\":{\"action\":\"redact\",\"count\":2}},"
                + "\"prev_hash\":\"" + ChainHead.ZERO_HASH + "\",\"prompt_tokens\":813,\"provider\":\"azure-openai\","
                + "\"provider_baa\":\"baa-2026-007\",\"purpose_of_use\":\"TREATMENT\",\"request_id\":\"req-1\",\"seq\":1,"
                + "\"tenant\":\"acme-health\",\"trace_id\":\"trace-1\",\"ts\":\"2026-11-23T13:48:05.123Z\","
                + "\"user_agent\":\"openai-python/1.54.0\"}");
    }

    @Test
    void theHmacSignsTheBodyAndTheHashCoversTheStoredLine() throws Exception {
        AuditChain chain = AuditChain.genesis(Trails.KEYRING);

        ChainedRecord record = chain.append(AuditEvents.event(1));

        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(Trails.SECRET, "HmacSHA256"));
        assertThat(record.hmac()).isEqualTo(HexFormat.of().formatHex(mac.doFinal(record.body())));
        assertThat(record.hash()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(record.line())));
    }

    @Test
    void eachRecordLinksToTheHashOfTheOneBefore() {
        AuditChain chain = AuditChain.genesis(Trails.KEYRING);

        ChainedRecord first = chain.append(AuditEvents.event(1));
        ChainedRecord second = chain.append(AuditEvents.event(2));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(ChainHead.ZERO_HASH);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(chain.head()).isEqualTo(new ChainHead(2, second.hash()));
    }

    @Test
    void aResumedChainContinuesExactlyWhereTheOriginalStopped() {
        AuditChain original = AuditChain.genesis(Trails.KEYRING);
        original.append(AuditEvents.event(1));
        ChainHead head = original.head();
        AuditChain resumed = AuditChain.resume(Trails.KEYRING, head.lastSeq(), head.lastHash());

        ChainedRecord next = resumed.append(AuditEvents.event(2));

        assertThat(next).isEqualTo(original.append(AuditEvents.event(2)));
    }

    @Test
    void absentAndNullFieldsSignAlikeAndTimestampsLoseSubMilliseconds() {
        Instant precise = Instant.parse("2026-11-23T13:48:04.123999Z");
        ChainedRecord withNanos = AuditChain.genesis(Trails.KEYRING).append(AuditEvents.bare(precise));

        ChainedRecord truncated = AuditChain.genesis(Trails.KEYRING).append(AuditEvents.bare(Instant.parse("2026-11-23T13:48:04.123Z")));

        assertThat(withNanos.hmac()).isEqualTo(truncated.hmac());
        assertThat(new String(withNanos.line(), StandardCharsets.UTF_8)).doesNotContain("null", "patient_id").contains("\"phi_types\":{}");
    }

    @Test
    void toStringCarriesNoPatientOrClientDetails() {
        ChainedRecord record = AuditChain.genesis(Trails.KEYRING).append(AuditEvents.event(1));

        assertThat(record.toString()).doesNotContain("patient-1", "10.0.0.1", "openai-python");
    }
}
