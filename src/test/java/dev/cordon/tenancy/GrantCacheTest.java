package dev.cordon.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantCacheTest {

    private static final long SECOND = 1_000_000_000L;
    private final GrantCache<KeyGrant> cache = new GrantCache<>(new SmallRyeConfigBuilder().withMapping(TenancyConfig.class)
            .withConverter(Duration.class, 100, new DurationConverter()).build().getConfigMapping(TenancyConfig.class));
    private final Optional<KeyGrant> grant = Optional.of(new KeyGrant("t1", "key_1", Set.of("m"), false, PhiRules.NONE, Set.of(), true));

    @Test
    void aGrantIsServedUntilItsTtl() {
        cache.store("h", grant, 0, cache.generation());

        assertThat(cache.lookup("h", true, 29 * SECOND)).isEqualTo(grant);
        assertThat(cache.lookup("h", true, 31 * SECOND)).isNull();
    }

    @Test
    void withoutATrustedEpochOnlyFreshGrantsAreServed() {
        cache.store("h", grant, 0, cache.generation());

        assertThat(cache.lookup("h", false, SECOND / 2)).isEqualTo(grant);
        assertThat(cache.lookup("h", false, 2 * SECOND)).isNull();
    }

    @Test
    void aLookupThatRacedWithAClearIsNotStored() {
        long before = cache.generation();
        cache.clear();

        cache.store("h", grant, 0, before);

        assertThat(cache.lookup("h", true, 1)).isNull();
    }

    @Test
    void unknownKeysAreRememberedOnlyBriefly() {
        cache.store("h", Optional.empty(), 0, cache.generation());

        assertThat(cache.lookup("h", true, 4 * SECOND)).isEmpty();
        assertThat(cache.lookup("h", true, 6 * SECOND)).isNull();
    }
}
